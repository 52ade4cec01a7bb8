package io.tandem.adapters.out.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One row of {@code jobs}. */
@MappedEntity("jobs")
record JobRow(@Id String id,
              String type,
              String status,
              double progress,
              String message,
              Instant queuedAt,
              @Nullable Instant startedAt,
              @Nullable Instant finishedAt) {
}
