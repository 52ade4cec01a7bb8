package io.tandem.adapters.out.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** One row of {@code model_versions}; metrics hold a JSON object of numbers as text, metadata one of strings. */
@MappedEntity("model_versions")
record ModelVersionRow(@Id @GeneratedValue Long id,
                       String name,
                       String version,
                       String kind,
                       String stage,
                       String holdOut,
                       String metrics,
                       @Nullable String schemaVersion,
                       @Nullable @TypeDef(type = DataType.STRING_ARRAY) String[] schemaFeatures,
                       String artifactUri,
                       Instant windowFrom,
                       Instant windowTo,
                       @Nullable String parentVersion,
                       Instant createdAt,
                       String metadata) {
}
