-- Serves the read of the newest available items (the fallback's "newest" tier): with the available flag first, WHERE available = TRUE ORDER BY created_at DESC, id LIMIT n reads the first n entries of the
-- index instead of sorting the catalog. A partial index (WHERE available) would be smaller, but H2 has none.
-- A category narrows the same walk; a GIN index on categories would serve rare categories better, but that
-- syntax is PostgreSQL's alone.
-- This file must run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE INDEX items_newest ON items (available, created_at DESC, id);
