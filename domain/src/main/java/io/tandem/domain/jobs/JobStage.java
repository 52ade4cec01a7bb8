package io.tandem.domain.jobs;

import io.tandem.domain.InvalidFieldException;

import java.util.Locale;
import java.util.Objects;

/**
 * One named stage of a job, owning the share {@code [from, to]} of the job's progress. Its reports read
 * {@code "<stage>: <detail> (<n>% of the stage)"}: the job's status shows the stage and how far into it the job is,
 * and the job runner's log, which writes a line per stage (the words before the first colon), names it once.
 */
public final class JobStage {

    private final JobProgress job;
    private final String name;
    private final double from;
    private final double to;

    /**
     * @param name a stage name without a colon, e.g. {@code hold-out evaluation}
     * @param from the job's progress when the stage starts, from 0 to 1
     * @param to   the job's progress when it ends, from {@code from} to 1
     */
    public JobStage(JobProgress job, String name, double from, double to) {
        this.job = Objects.requireNonNull(job, "job");
        this.name = InvalidFieldException.requireText("stage", name);
        if (name.indexOf(':') >= 0) {
            throw new InvalidFieldException("stage", "a stage name has no colon: " + name);
        }
        if (!(from >= 0 && from <= to && to <= 1)) {
            throw new InvalidFieldException("stage", "needs 0 <= from <= to <= 1, got " + from + ", " + to);
        }
        this.from = from;
        this.to = to;
    }

    public String name() {
        return name;
    }

    /** The stage has started: {@code detail} says on what. */
    public void start(String detail) {
        job.report(from, name + ": " + detail);
    }

    /**
     * @param fraction how much of this stage is done, from 0 to 1 (clamped)
     * @param detail   what it is doing, e.g. {@code 2,000 of 5,000 users}
     */
    public void report(double fraction, String detail) {
        double share = Math.max(0, Math.min(1, Double.isNaN(fraction) ? 0 : fraction));
        job.report(from + (to - from) * share, String.format(Locale.ROOT, "%s: %s (%.0f%% of the stage)", name, detail,
                share * 100));
    }
}
