package io.tandem.application.jobs.port.in;

import io.tandem.domain.jobs.Job;

import java.util.Objects;

/** A job was asked for while another is queued or running; the caller retries once that one has finished. */
public final class JobAlreadyRunningException extends RuntimeException {

    private final Job running;

    public JobAlreadyRunningException(Job running) {
        super("job " + running.id() + " (" + running.type() + ") is " + running.status().wireName()
                + "; one job runs at a time, retry when it has finished");
        this.running = Objects.requireNonNull(running, "running");
    }

    /** The job that holds the job thread. */
    public Job running() {
        return running;
    }
}
