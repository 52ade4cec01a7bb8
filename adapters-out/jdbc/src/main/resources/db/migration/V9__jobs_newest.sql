-- GET /v1/jobs lists the most recent jobs first: read from this index, not by sorting the whole history.
CREATE INDEX jobs_by_queued_at ON jobs (queued_at DESC, id DESC);
