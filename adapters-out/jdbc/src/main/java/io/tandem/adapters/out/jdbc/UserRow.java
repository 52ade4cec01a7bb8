package io.tandem.adapters.out.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One row of {@code users}; attributes hold a JSON object as text. */
@MappedEntity("users")
record UserRow(@Id String id, String attributes) {
}
