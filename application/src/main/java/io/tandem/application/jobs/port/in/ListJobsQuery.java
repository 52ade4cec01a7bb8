package io.tandem.application.jobs.port.in;

import io.tandem.domain.InvalidFieldException;

/** How many of the most recent jobs to list, from 1 to {@value #MAX_LIMIT}. */
public record ListJobsQuery(int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListJobsQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
