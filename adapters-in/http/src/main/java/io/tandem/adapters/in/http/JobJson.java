package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.domain.jobs.Job;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the jobs API. */
final class JobJson {

    private JobJson() {
    }

    /** {@code POST /v1/jobs}: the id of the job accepted. */
    @Serdeable
    record Accepted(String jobId) {
    }

    /** {@code GET /v1/jobs}: the most recent jobs, newest queued first. */
    @Serdeable
    record Recent(List<Status> jobs) {
    }

    /**
     * {@code GET /v1/jobs/{id}}: status {@code queued|running|succeeded|failed}, progress from 0 to 1, and
     * times as ISO-8601 (null until they happen).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Status(String jobId, String type, String status, double progress, String message, String queuedAt,
                  String startedAt, String finishedAt) {

        static Status from(Job job) {
            return new Status(job.id(), job.type().name(), job.status().wireName(), job.progress(), job.message(),
                    job.queuedAt().toString(), job.startedAt().map(Instant::toString).orElse(null),
                    job.finishedAt().map(Instant::toString).orElse(null));
        }
    }
}
