package io.tandem.application.jobs.port.in;

import io.tandem.domain.jobs.Job;

/** Which job to read. */
public record FindJobQuery(String id) {

    public FindJobQuery {
        id = Job.requireId(id);
    }
}
