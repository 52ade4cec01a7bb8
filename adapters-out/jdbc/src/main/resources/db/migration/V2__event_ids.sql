-- Event ids accepted so far, the durable idempotency keys of ingestion: the primary key makes a claim
-- atomic across processes. claimed_at lets an operator prune claims older than any possible retry.
CREATE TABLE event_ids (
    id         VARCHAR(128)             NOT NULL PRIMARY KEY,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
