package io.tandem.domain.jobs;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of background work (a pipeline or a training) as callers and the job store see it. Immutable: each
 * step of its life is a new value made by {@link #started}, {@link #progressed}, {@link #succeeded} or
 * {@link #failed}.
 *
 * @param progress from 0 (nothing done) to 1 (all done)
 * @param message  what the job is doing or, once finished, how it ended; at most {@value #MAX_MESSAGE} characters
 */
public record Job(String id, JobType type, JobStatus status, double progress, String message, Instant queuedAt,
                  Optional<Instant> startedAt, Optional<Instant> finishedAt) {

    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_MESSAGE = 1_000;

    public Job {
        id = requireId(id);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        requireProgress(progress);
        Objects.requireNonNull(message, "message");
        // Cut rather than refused: a failure's message comes from an exception of any length.
        message = cut(message);
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (status == JobStatus.RUNNING && startedAt.isEmpty()) {
            throw new IllegalArgumentException("a running job has a start time");
        }
        if (status.isFinished() != finishedAt.isPresent()) {
            throw new IllegalArgumentException("a job has a finish time exactly when it is finished");
        }
    }

    /** A job just accepted, waiting for the job thread. */
    public static Job queued(String id, JobType type, Instant at) {
        return new Job(id, type, JobStatus.QUEUED, 0.0, "queued", at, Optional.empty(), Optional.empty());
    }

    public Job started(Instant at) {
        return new Job(id, type, JobStatus.RUNNING, 0.0, "running", queuedAt, Optional.of(at), Optional.empty());
    }

    public Job progressed(double fraction, String step) {
        return new Job(id, type, status, fraction, step, queuedAt, startedAt, finishedAt);
    }

    public Job succeeded(Instant at, String outcome) {
        return new Job(id, type, JobStatus.SUCCEEDED, 1.0, outcome, queuedAt, Optional.of(startedAt.orElse(at)),
                Optional.of(at));
    }

    /** Ends the job as failed; a job that never started keeps no start time. */
    public Job failed(Instant at, String reason) {
        return new Job(id, type, JobStatus.FAILED, progress, reason, queuedAt, startedAt, Optional.of(at));
    }

    private static String cut(String message) {
        if (message.length() <= MAX_MESSAGE) {
            return message;
        }
        // Never between the two halves of a surrogate pair, which no database could store.
        int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return message.substring(0, end);
    }

    /** Fails naming {@code id} unless the value is a usable job id. */
    public static String requireId(String id) {
        return CanonicalText.requireId("id", id, MAX_ID_LENGTH);
    }

    /** Fails naming {@code progress} unless the value is between 0 and 1. */
    public static void requireProgress(double progress) {
        if (!(progress >= 0.0 && progress <= 1.0)) {
            throw new InvalidFieldException("progress", "must be between 0 and 1, got " + progress);
        }
    }
}
