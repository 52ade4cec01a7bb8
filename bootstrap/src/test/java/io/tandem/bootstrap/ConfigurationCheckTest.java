package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code tandem config check} prints and every start refuses: each problem one line naming the property and its
 * environment variable. The environment here is built without the process's environment variables, so what the
 * shell exported cannot hide a missing key.
 */
class ConfigurationCheckTest {

    private static final Profile PRODUCTION = new Profile(java.util.Optional.of(Profile.PRODUCTION));
    private static final Map<String, Object> KEYS = Map.of("tandem.lake.s3.access-key", "ak",
            "tandem.lake.s3.secret-key", "sk-very-secret");

    @Test
    void productionWithoutTheS3KeysNamesTheMissingKeyAndItsVariable() {
        assertThat(check(PRODUCTION, Map.of()).problems()).containsExactly(
                "tandem.lake.s3.access-key (TANDEM_LAKE_S3_ACCESS_KEY) is required when tandem.lake.store=minio");
        assertThat(check(PRODUCTION, Map.of("tandem.lake.s3.access-key", "ak")).problems()).containsExactly(
                "tandem.lake.s3.secret-key (TANDEM_LAKE_S3_SECRET_KEY) is required when tandem.lake.store=minio");
    }

    @Test
    void productionWithTheKeysIsValidAndUsesFourServicesOfWhichOnlyTheDatabaseIsNeededToStart() {
        ConfigurationCheck check = check(PRODUCTION, KEYS);

        assertThat(check.problems()).isEmpty();
        assertThat(check.services()).extracting(ConfigurationCheck.Service::name)
                .containsExactly("PostgreSQL", "Redis", "Kafka", "S3");
        assertThat(check.services()).extracting(service -> service.setting().property()).containsExactly(
                "datasources.default.url", "tandem.redis.uri", "tandem.kafka.bootstrap-servers",
                "tandem.lake.s3.endpoint");
        assertThat(check.services()).extracting(ConfigurationCheck.Service::neededToStart)
                .containsExactly(true, false, false, false);
        assertThat(check.settings()).contains("tandem.event-log (TANDEM_EVENT_LOG) = kafka",
                "tandem.lake.s3.bucket (TANDEM_LAKE_S3_BUCKET) = tandem-lake");
        assertThat(check.settings()).anyMatch(line -> line.startsWith("datasources.default.url (TANDEM_JDBC_URL) = "));
    }

    @Test
    void productionRefusesToStartWithApiKeysOffAndEmbeddedAllowsIt() {
        Map<String, Object> open = new HashMap<>(KEYS);
        open.put("tandem.auth.enabled", "false");

        assertThat(check(PRODUCTION, open).problems()).containsExactly("tandem.auth.enabled (TANDEM_AUTH_ENABLED) "
                + "must be true in the production profile: every route but health, Prometheus and OpenAPI needs an "
                + "API key there (create one with `tandem keys create`)");
        assertThat(check(PRODUCTION, KEYS).settings()).contains("tandem.auth.enabled (TANDEM_AUTH_ENABLED) = true");
        assertThat(check(Profile.EMBEDDED, Map.of()).problems()).isEmpty();
        assertThat(check(Profile.EMBEDDED, Map.of()).settings())
                .contains("tandem.auth.enabled (TANDEM_AUTH_ENABLED) = false");
    }

    @Test
    void productionKeepsTheRateLimitBucketsInRedis() {
        assertThat(check(PRODUCTION, KEYS).settings()).contains("tandem.auth.rate-limits (TANDEM_AUTH_RATE_LIMITS) = redis",
                "tandem.auth.keys (TANDEM_AUTH_KEYS) = jdbc");
        assertThat(check(Profile.EMBEDDED, Map.of()).settings())
                .contains("tandem.auth.rate-limits (TANDEM_AUTH_RATE_LIMITS) = memory");
    }

    @Test
    void theEmbeddedDefaultsUseNoServerAtAll() {
        ConfigurationCheck check = check(Profile.EMBEDDED, Map.of());

        assertThat(check.problems()).isEmpty();
        assertThat(check.services()).singleElement().satisfies(service -> {
            assertThat(service.name()).isEqualTo("H2");
            assertThat(service.attempt()).isEmpty();
        });
        assertThat(check.settings()).contains("tandem.online-store (TANDEM_ONLINE_STORE) = memory")
                .anyMatch(line -> line.startsWith("datasources.default.url (DATASOURCES_DEFAULT_URL) = jdbc:h2:"));
    }

    @Test
    void anUnknownAdapterValueNamesThePropertyItsVariableAndTheChoices() {
        assertThat(check(Profile.EMBEDDED, Map.of("tandem.event-log", "carrier-pigeon")).problems()).containsExactly(
                "tandem.event-log (TANDEM_EVENT_LOG): unknown value 'carrier-pigeon'; allowed: local, memory, kafka");
    }

    @Test
    void malformedEndpointsAreNamedEachOnOneLine() {
        Map<String, Object> wrong = new HashMap<>(KEYS);
        wrong.put("tandem.redis.uri", "localhost:6379");
        wrong.put("tandem.kafka.bootstrap-servers", "127.0.0.1");
        wrong.put("tandem.lake.s3.endpoint", "localhost:9000");
        wrong.put("datasources.default.url", "postgresql://127.0.0.1/tandem");

        List<String> problems = check(PRODUCTION, wrong).problems();

        assertThat(problems).containsExactly(
                "datasources.default.url (TANDEM_JDBC_URL): 'postgresql://127.0.0.1/tandem' is not a JDBC URL"
                        + " (jdbc:postgresql://host:port/db)",
                "tandem.redis.uri (TANDEM_REDIS_URI): 'localhost:6379' is not a Redis URI (redis://host:port[/db])"
                        + " when tandem.online-store=redis",
                "tandem.kafka.bootstrap-servers (TANDEM_KAFKA_BOOTSTRAP_SERVERS): '127.0.0.1' is not a"
                        + " host:port[,host:port...] list when tandem.event-log=kafka",
                "tandem.lake.s3.endpoint (TANDEM_LAKE_S3_ENDPOINT): 'localhost:9000' must be an http:// or https://"
                        + " URL with a host when tandem.lake.store=minio");
        assertThat(problems).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithWhatItShouldBe() {
        assertThat(check(Profile.EMBEDDED, Map.of("tandem.serving.budget", "fast", "tandem.lake.chunk-events", "many"))
                .problems()).containsExactlyInAnyOrder(
                "tandem.serving.budget (TANDEM_SERVING_BUDGET): 'fast' is not a duration (such as 500ms, 2s, 7d)",
                "tandem.lake.chunk-events (TANDEM_LAKE_CHUNK_EVENTS): 'many' is not a whole number");
    }

    @Test
    void secretsAreMaskedAndNeverPrinted() {
        Map<String, Object> secrets = new HashMap<>(KEYS);
        secrets.put("tandem.redis.uri", "redis://:redis-secret@127.0.0.1:6379/0");
        secrets.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:5432/tandem?user=app&password=pg-secret");
        secrets.put("datasources.default.password", "pg-password");

        ConfigurationCheck check = check(PRODUCTION, secrets);

        String printed = String.join("\n", check.settings()) + check.services();
        assertThat(printed).doesNotContain("sk-very-secret", "redis-secret", "pg-secret", "pg-password")
                .contains("tandem.lake.s3.secret-key (TANDEM_LAKE_S3_SECRET_KEY) = ****",
                        "tandem.redis.uri (TANDEM_REDIS_URI) = redis://:****@127.0.0.1:6379/0",
                        "password=****");
    }

    /** The check of {@code properties} on {@code profile}, without the process's environment variables. */
    private static ConfigurationCheck check(Profile profile, Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .environmentPropertySource(false).environments(profile.name().stream().toArray(String[]::new))
                .properties(properties).build();
        Environment environment = context.getEnvironment();
        environment.start();
        try {
            return ConfigurationCheck.of(environment, profile);
        } finally {
            environment.stop();
        }
    }
}
