-- Event ids follow the input contract of every id (ADR-0019): up to 256 bytes of UTF-8, which is at most 256
-- characters. They were limited to 128 characters before.
-- This file must run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
ALTER TABLE event_ids ALTER COLUMN id SET DATA TYPE VARCHAR(256);
