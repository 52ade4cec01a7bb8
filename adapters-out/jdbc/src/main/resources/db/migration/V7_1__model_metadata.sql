-- How a model version was trained beyond the fixed columns (ADR-0022): whether the serving version was refit on
-- the whole window after its hold-out measurement, the cut, the interaction count, the recency settings chosen
-- on the hold-out. A flat JSON object of strings kept as text, like metrics; versions registered before hold none.
-- This file must run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
ALTER TABLE model_versions ADD COLUMN metadata VARCHAR NOT NULL DEFAULT '{}';
