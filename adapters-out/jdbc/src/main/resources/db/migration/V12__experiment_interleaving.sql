-- Interleaving experiments (ADR-0024, "Interleaving"). This file must run unchanged on PostgreSQL and on H2 in
-- PostgreSQL mode.

-- How an experiment compares its variants: 'ab' (each user sees one) or 'interleaving' (one list drafted from both).
ALTER TABLE experiments ADD COLUMN design VARCHAR(16) DEFAULT 'ab' NOT NULL;
ALTER TABLE experiments ADD CONSTRAINT experiments_design CHECK (design IN ('ab', 'interleaving'));

-- The per-request outcomes of a cell's interleaved lists (0 in A/B cells): requests won by the first variant (team
-- A), by the second (team B), ties, and the per-user sums of requests (x) and scores (y: +1 B won, -1 A won, 0 tie)
-- behind the preference's delta-method variance.
ALTER TABLE experiment_metrics ADD COLUMN wins_a BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE experiment_metrics ADD COLUMN wins_b BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE experiment_metrics ADD COLUMN ties BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE experiment_metrics ADD COLUMN preference_units BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE experiment_metrics ADD COLUMN preference_x DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE experiment_metrics ADD COLUMN preference_y DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE experiment_metrics ADD COLUMN preference_xx DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE experiment_metrics ADD COLUMN preference_yy DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE experiment_metrics ADD COLUMN preference_xy DOUBLE PRECISION DEFAULT 0 NOT NULL;
