package io.tandem.domain.jobs;

/**
 * How a running job body tells how far it got. Bodies report at coarse steps (a stage started, a tenth of
 * the rows done): the runner keeps every report for readers but stores them at most about once a second.
 */
@FunctionalInterface
public interface JobProgress {

    /**
     * @param fraction how much of the job is done, from 0 to 1
     * @param step     what it is doing now, in words for an operator
     */
    void report(double fraction, String step);
}
