package io.tandem.domain.jobs;

import java.util.Locale;
import java.util.Optional;

/** Where a job is in its life: waiting for the job thread, running, or finished one way or the other. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }

    public static Optional<JobStatus> fromWireName(String text) {
        for (JobStatus status : values()) {
            if (status.wireName().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
