-- The catalog. One row per item, so a batch of items is read with one query. Categories and tags are
-- arrays, which PostgreSQL can index (GIN) and H2 stores natively; attributes are a JSON object kept as
-- text, because the JSON column types of H2 and PostgreSQL differ in how values are bound.
-- This file must run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE TABLE items (
    id         VARCHAR(256)             NOT NULL PRIMARY KEY,
    categories VARCHAR ARRAY            NOT NULL,
    tags       VARCHAR ARRAY            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    available  BOOLEAN                  NOT NULL,
    attributes VARCHAR                  NOT NULL
);

CREATE TABLE users (
    id         VARCHAR(256) NOT NULL PRIMARY KEY,
    attributes VARCHAR      NOT NULL
);
