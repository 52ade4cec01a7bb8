-- Background jobs (pipeline, training) and their last recorded state, so GET /v1/jobs/{id} answers after a
-- restart too. The runner rewrites a job's row at each state change and at most once a second in between.
-- This file must run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE TABLE jobs (
    id          VARCHAR(64)              NOT NULL PRIMARY KEY,
    type        VARCHAR(32)              NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    progress    DOUBLE PRECISION         NOT NULL,
    message     VARCHAR(1000)            NOT NULL,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT jobs_status CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    CONSTRAINT jobs_progress CHECK (progress >= 0 AND progress <= 1)
);

-- Finds the jobs a stopped process left queued or running without reading the whole history.
CREATE INDEX jobs_by_status ON jobs (status, queued_at);
