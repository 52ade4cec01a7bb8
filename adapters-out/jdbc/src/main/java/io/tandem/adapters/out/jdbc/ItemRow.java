package io.tandem.adapters.out.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** One row of {@code items}; attributes hold a JSON object as text. */
@MappedEntity("items")
record ItemRow(@Id String id,
               @TypeDef(type = DataType.STRING_ARRAY) String[] categories,
               @TypeDef(type = DataType.STRING_ARRAY) String[] tags,
               Instant createdAt,
               boolean available,
               String attributes) {
}
