package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.tandem.adapters.out.filesystem.FileEventLogAdapter;
import io.tandem.adapters.out.filesystem.FilesystemLakeAdapter;
import io.tandem.adapters.out.jdbc.JdbcCatalogAdapter;
import io.tandem.adapters.out.jdbc.JdbcEventIdsAdapter;
import io.tandem.adapters.out.kafka.KafkaEventLogAdapter;
import io.tandem.adapters.out.memory.InMemoryCatalogAdapter;
import io.tandem.adapters.out.memory.InMemoryEventIdsAdapter;
import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;
import io.tandem.adapters.out.minio.MinioLakeAdapter;
import io.tandem.adapters.out.redis.RedisEventIdsAdapter;
import io.tandem.adapters.out.redis.RedisOnlineFeaturesAdapter;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.feature.port.out.LoadPopularItemsPort;
import io.tandem.application.ingestion.port.out.AppendEventsPort;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One property per adapter choice (ADR-0005): defaults are embedded, unknown values stop start-up. */
class AdapterSelectionTest {

    @Test
    void theDefaultsAreTheEmbeddedAdapters() {
        try (ApplicationContext context = ApplicationContext.run(TandemHttp.isolated())) {
            assertThat(context.getBean(LoadPopularItemsPort.class)).isInstanceOf(InMemoryOnlineFeaturesAdapter.class);
            assertThat(context.getBean(AppendEventsPort.class)).isInstanceOf(FileEventLogAdapter.class);
            assertThat(context.getBean(ClaimEventIdsPort.class)).isInstanceOf(InMemoryEventIdsAdapter.class);
            assertThat(context.getBean(WriteLakePort.class)).isInstanceOf(FilesystemLakeAdapter.class);
            assertThat(context.getBean(LoadItemsPort.class)).isInstanceOf(JdbcCatalogAdapter.class);
        }
    }

    @Test
    void theCatalogCanLiveInMemoryAndEventIdsInTheDatabase() {
        Map<String, Object> properties = new java.util.HashMap<>(TandemHttp.isolated());
        properties.put("tandem.catalog", "memory");
        properties.put("tandem.event-ids", "jdbc");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(LoadItemsPort.class)).isInstanceOf(InMemoryCatalogAdapter.class);
            assertThat(context.getBean(ClaimEventIdsPort.class)).isInstanceOf(JdbcEventIdsAdapter.class);
        }
    }

    @Test
    void onePropertyEachSelectsRedisAndTheS3Lake() {
        // The Redis adapters connect lazily and the MinIO client on first use, so no server is needed here.
        Map<String, Object> production = Map.of("tandem.online-store", "redis", "tandem.event-ids", "redis",
                "tandem.lake.store", "minio", "tandem.lake.s3.access-key", "k", "tandem.lake.s3.secret-key", "s");
        try (ApplicationContext context = ApplicationContext.run(production)) {
            assertThat(context.getBean(LoadPopularItemsPort.class)).isInstanceOf(RedisOnlineFeaturesAdapter.class);
            assertThat(context.getBean(ClaimEventIdsPort.class)).isInstanceOf(RedisEventIdsAdapter.class);
            assertThat(context.getBean(WriteLakePort.class)).isInstanceOf(MinioLakeAdapter.class);
        }
    }

    @Test
    void theProductionProfileSelectsTheScaleOutSet() throws Exception {
        // Consumers off: this unit test must not need a broker; the Kafka ITs cover them. The database is the
        // profile's, in a schema of this test's own, so whatever an earlier run migrated there cannot matter.
        String url = System.getenv().getOrDefault("TANDEM_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/tandem");
        String schema = "tandem_selection_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        sql(url, "CREATE SCHEMA " + schema);
        try {
            try (ApplicationContext context = ApplicationContext.builder("production")
                    .properties(Map.of("tandem.lake.s3.access-key", "k", "tandem.lake.s3.secret-key", "s",
                            "tandem.kafka.consumers", false,
                            "datasources.default.url", url + "?currentSchema=" + schema)).start()) {
                assertThat(context.getBean(LoadPopularItemsPort.class)).isInstanceOf(RedisOnlineFeaturesAdapter.class);
                assertThat(context.getBean(WriteLakePort.class)).isInstanceOf(MinioLakeAdapter.class);
                assertThat(context.getBeanDefinition(ClaimEventIdsPort.class).getBeanType())
                        .isEqualTo(JdbcEventIdsAdapter.class);
                assertThat(context.getBeanDefinition(AppendEventsPort.class).getBeanType())
                        .isEqualTo(KafkaEventLogAdapter.class);
            }
        } finally {
            sql(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void anUnknownOnlineStoreStopsStartUpNamingThePropertyAndTheChoices() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("tandem.online-store", "cassandra")))
                .hasStackTraceContaining("tandem.online-store")
                .hasStackTraceContaining("'cassandra'")
                .hasStackTraceContaining("allowed: memory, redis");
    }

    @Test
    void anUnknownEventLogStopsStartUp() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("tandem.event-log", "carrier-pigeon")))
                .hasStackTraceContaining("tandem.event-log");
    }

    @Test
    void anUnknownLabelWeightTypeStopsStartUp() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("tandem.features.label-weights.klick", 2.0))
                .getBean(io.tandem.application.ingestion.port.in.RecordEventsUseCase.class))
                .hasStackTraceContaining("label-weights.klick");
    }

    private static void sql(String url, String statement) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "");
             java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement);
        }
    }
}
