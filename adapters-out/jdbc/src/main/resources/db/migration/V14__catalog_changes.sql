-- Incremental catalogue refresh (ADR-0036): the serving snapshot reads only what changed since the version it has.
-- Every catalogue write takes the one row of catalog_version, moves it on by one and stamps what it writes with the
-- new value. The row lock orders the writers, so versions become visible in order: a reader that sees version v has
-- seen every change up to v (a plain sequence hands out numbers in call order, not commit order, and a reader could
-- step past a slower writer's change for good). Items written before this migration keep version 0 and are read by
-- the snapshot's first, full read. Deleted ids leave a row in item_deletions with the version of their deletion.
-- A write to items that does not go through the catalogue adapter must do the same, or the snapshots miss it.
-- This file must run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE TABLE catalog_version (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 0);

ALTER TABLE items ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX items_by_version ON items (version);

CREATE TABLE item_deletions (
    id      VARCHAR(256) NOT NULL PRIMARY KEY,
    version BIGINT       NOT NULL
);
CREATE INDEX item_deletions_by_version ON item_deletions (version);
