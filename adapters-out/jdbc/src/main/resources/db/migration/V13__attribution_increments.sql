-- Online metrics kept as sums that any number of writers add to (ADR-0026, amended by issue 13): the snapshots of
-- experiment_metrics are replaced by additive cells, the attribution state of each open request, and the users and
-- items each cell has seen. Every row belongs to a generation of its experiment's cells; a rebuild from the lake
-- writes a fresh one beside the current one and then makes it current. The old snapshots are dropped: rebuild a
-- running experiment from the lake (tandem experiments recompute) to fill the new cells.
-- This file must run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
DROP TABLE experiment_metrics;

-- One row per experiment with stored metrics; every write locks it first, so an experiment's cells change one
-- transaction at a time. building_generation is set while a rebuild runs.
CREATE TABLE attribution_generations (
    experiment          VARCHAR(64) NOT NULL PRIMARY KEY,
    current_generation  BIGINT      NOT NULL,
    building_generation BIGINT
);

-- The follow-ups counted so far for each request (event id, type, item, time, value; U+001F between fields,
-- U+001E between events), with a version each change moves on; kept until the served list leaves the online store.
CREATE TABLE attribution_requests (
    experiment VARCHAR(64)              NOT NULL,
    generation BIGINT                   NOT NULL,
    request_id VARCHAR(256)             NOT NULL,
    version    BIGINT                   NOT NULL,
    follow_ups CHARACTER VARYING        NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (experiment, generation, request_id)
);
CREATE INDEX attribution_requests_by_id ON attribution_requests (request_id);
CREATE INDEX attribution_requests_by_expiry ON attribution_requests (expires_at);

-- A group's sums over one day (period 'YYYY-MM-DD', UTC) or the whole experiment (period 'total'): counts, sums and
-- latency bucket counts as comma-separated numbers (doubles as Java writes them, so they read back to the last bit).
-- The counts carry V12's interleaving outcomes too (wins of team A, wins of team B, ties, users with interleaved
-- requests) and the sums the per-user preference sums and cross-products, so interleaved cells add up the same way.
CREATE TABLE attribution_cells (
    experiment VARCHAR(64)       NOT NULL,
    generation BIGINT            NOT NULL,
    variant    VARCHAR(64)       NOT NULL,
    period     VARCHAR(10)       NOT NULL,
    counts     CHARACTER VARYING NOT NULL,
    sums       CHARACTER VARYING NOT NULL,
    latency    CHARACTER VARYING NOT NULL,
    PRIMARY KEY (experiment, generation, variant, period)
);

-- Each user's totals in a cell (impressions, clicked and purchased impressions, value; interleaved requests and
-- their scores for team B, +1 B won, -1 A won, 0 tie), which move the per-user sums and cross-products of the delta
-- method.
CREATE TABLE attribution_users (
    experiment  VARCHAR(64)      NOT NULL,
    generation  BIGINT           NOT NULL,
    variant     VARCHAR(64)      NOT NULL,
    period      VARCHAR(10)      NOT NULL,
    user_id     VARCHAR(256)     NOT NULL,
    impressions DOUBLE PRECISION NOT NULL,
    clicks      DOUBLE PRECISION NOT NULL,
    purchases   DOUBLE PRECISION NOT NULL,
    purchase_value DOUBLE PRECISION NOT NULL,
    interleaved_requests DOUBLE PRECISION NOT NULL,
    score_for_b DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (experiment, generation, variant, period, user_id)
);

-- The items each cell served, for coverage.
CREATE TABLE attribution_items (
    experiment VARCHAR(64)  NOT NULL,
    generation BIGINT       NOT NULL,
    variant    VARCHAR(64)  NOT NULL,
    period     VARCHAR(10)  NOT NULL,
    item_id    VARCHAR(256) NOT NULL,
    PRIMARY KEY (experiment, generation, variant, period, item_id)
);
