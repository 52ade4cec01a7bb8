package io.tandem.application.jobs.port.in;

/** Asks to close the jobs a stopped process left open; carries nothing, but keeps the one-command shape. */
public record FailInterruptedJobsCommand() {
}
