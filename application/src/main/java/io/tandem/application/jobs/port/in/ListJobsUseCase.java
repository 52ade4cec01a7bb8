package io.tandem.application.jobs.port.in;

import io.tandem.domain.jobs.Job;

import java.util.List;

/** Lists the most recent jobs, newest queued first; the running one as fresh as its last report. */
@FunctionalInterface
public interface ListJobsUseCase {

    List<Job> list(ListJobsQuery query);
}
