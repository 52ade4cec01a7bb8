package io.tandem.adapters.in.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The adapter sets a benchmark runs on. Every run gets its own topic, consumer groups, key prefix, bucket and
 * folders, so runs never see each other's data. Endpoints come from the environment that
 * {@code scripts/services.sh env} prints, with loopback defaults.
 */
enum BenchAdapters {
    PRODUCTION,
    EMBEDDED;

    Map<String, Object> properties(String run, Path scratch) {
        Map<String, Object> properties = new HashMap<>();
        String name = "tandem-bench-" + run;
        if (this == EMBEDDED) {
            properties.put("tandem.catalog", "jdbc");
            properties.put("datasources.default.url", "jdbc:h2:file:" + scratch.resolve("db/tandem")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            properties.put("tandem.online-store", "memory");
            properties.put("tandem.event-ids", "memory");
            properties.put("tandem.event-log", "local");
            properties.put("tandem.local-log.path", scratch.resolve("events").toString());
            properties.put("tandem.lake.store", "filesystem");
            properties.put("tandem.lake.path", scratch.resolve("lake").toString());
            return properties;
        }
        properties.put("tandem.catalog", "jdbc");
        properties.put("datasources.default.url", env("TANDEM_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/tandem"));
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.username", env("TANDEM_JDBC_USER", "postgres"));
        properties.put("datasources.default.password", env("TANDEM_JDBC_PASSWORD", ""));
        // As the production profile sizes it: the request path reads the catalog on every request.
        properties.put("datasources.default.maximum-pool-size", 16);
        properties.put("tandem.online-store", "redis");
        properties.put("tandem.redis.uri", env("TANDEM_REDIS_URI", "redis://127.0.0.1:6379"));
        properties.put("tandem.redis.key-prefix", name + ":");
        properties.put("tandem.event-ids", "jdbc");
        properties.put("tandem.event-log", "kafka");
        properties.put("tandem.kafka.bootstrap-servers", env("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        properties.put("tandem.kafka.topic", name);
        properties.put("tandem.kafka.dead-letter-topic", name + ".dlq");
        properties.put("tandem.kafka.group-prefix", name);
        properties.put("tandem.lake.store", "minio");
        properties.put("tandem.lake.s3.endpoint", env("TANDEM_LAKE_S3_ENDPOINT", "http://127.0.0.1:9000"));
        properties.put("tandem.lake.s3.access-key", env("TANDEM_LAKE_S3_ACCESS_KEY", "tandem"));
        properties.put("tandem.lake.s3.secret-key", env("TANDEM_LAKE_S3_SECRET_KEY", "tandem-secret"));
        properties.put("tandem.lake.s3.bucket", name);
        // Model artifacts in the run's bucket too (under models/), as in production.
        properties.put("tandem.artifacts", "minio");
        return properties;
    }

    /** The set named {@code name}, in any case: {@code production} or {@code embedded}. */
    static Optional<BenchAdapters> named(String name) {
        for (BenchAdapters set : values()) {
            if (set.name().equalsIgnoreCase(name)) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }

    /** The name as options and reports spell it. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * With production adapters, a PostgreSQL schema of the run's own, {@code prefix} followed by the run, and
     * {@code properties} pointed at it; none with embedded ones (the run's H2 file is fresh).
     */
    Optional<PostgresSchema> schema(Map<String, Object> properties, String prefix, String run) {
        if (this != PRODUCTION) {
            return Optional.empty();
        }
        PostgresSchema schema = PostgresSchema.create((String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"),
                (String) properties.get("datasources.default.password"), prefix + run);
        properties.put("datasources.default.url", schema.url());
        return Optional.of(schema);
    }

    /** What a production run leaves in the services, for inspection; empty for embedded runs. */
    String leftBehind(String run) {
        return this != PRODUCTION ? "" : String.format("Left behind: Redis keys tandem-bench-%1$s:*, Kafka topics "
                + "tandem-bench-%1$s(.dlq), bucket tandem-bench-%1$s.", run);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
