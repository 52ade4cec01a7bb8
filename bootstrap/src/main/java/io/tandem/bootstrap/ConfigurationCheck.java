package io.tandem.bootstrap;

import io.micronaut.core.value.PropertyResolver;
import io.tandem.adapters.out.jdbc.JdbcConnectionCheck;
import io.tandem.adapters.out.kafka.KafkaConnectionCheck;
import io.tandem.adapters.out.minio.MinioConnectionCheck;
import io.tandem.adapters.out.minio.MinioLakeSettings;
import io.tandem.adapters.out.redis.RedisConnectionCheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The configuration as a start would use it, read from the same sources in the same order (configuration files,
 * the profile's file, environment variables, system properties): the adapter choices, the endpoints and keys of the
 * services they need, and everything wrong with them, each problem one line naming the property and its environment
 * variable. {@code tandem config check} prints it and tries each service; every start refuses an invalid
 * configuration, and a database it cannot reach, before anything is started (ADR-0023).
 *
 * <p>It checks the adapter choices, the type of every property of the configuration records, and the settings of
 * the services in use. Rules between values inside one record (the serving budget against its timeouts) are the
 * records' own and stop a start with the same kind of line.
 */
final class ConfigurationCheck {

    /** How long each connection attempt may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    static final String AUTH_ENABLED = "tandem.auth.enabled";
    private static final String DATABASE_URL = "datasources.default.url";
    private static final String DATABASE_USER = "datasources.default.username";
    private static final String DATABASE_PASSWORD = "datasources.default.password";

    /**
     * A service the configuration uses, where it is, and how to try it.
     *
     * @param name            PostgreSQL, Redis, Kafka or S3
     * @param setting         the property that says where it is
     * @param location        where it is, secrets masked
     * @param neededToStart   whether a start fails without it (the database: the migrations run at start), or
     *                        serving starts anyway and falls back until it answers
     * @param attempt         connects and says what answered; empty when there is no server to reach (embedded)
     */
    record Service(String name, Setting setting, String location, boolean neededToStart,
                   Optional<Callable<String>> attempt) {
    }

    private final PropertyResolver environment;
    private final Profile profile;
    private final ConfigurationBinder binder;
    private final Map<AdapterChoice, String> choices = new EnumMap<>(AdapterChoice.class);
    private final List<String> problems = new ArrayList<>();
    private final List<String> settings = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();

    private ConfigurationCheck(PropertyResolver environment, Profile profile, ConfigurationMetadata metadata) {
        this.environment = environment;
        this.profile = profile;
        this.binder = new ConfigurationBinder(environment, metadata);
        for (AdapterChoice choice : AdapterChoice.values()) {
            try {
                choices.put(choice, choice.valueIn(environment));
            } catch (InvalidSettingException e) {
                problems.add(e.getMessage());
            }
        }
        List<String> typeProblems = binder.typeProblems();
        problems.addAll(typeProblems);
        boolean typed = typeProblems.isEmpty();
        access(typed);
        database();
        if (typed) {
            redis();
            kafka();
            s3();
        }
    }

    /** Reads the configuration of {@code environment}, a started Micronaut environment of {@code profile}. */
    static ConfigurationCheck of(PropertyResolver environment, Profile profile) {
        return new ConfigurationCheck(environment, profile, ConfigurationMetadata.load());
    }

    Profile profile() {
        return profile;
    }

    /** Everything wrong, one line each; empty when a start may go ahead. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The adapter choices, then the settings of the services in use: {@code property (VARIABLE) = value}. */
    List<String> settings() {
        List<String> lines = new ArrayList<>();
        choices.forEach((choice, value) -> lines.add(Setting.of(choice.property()) + " = " + value));
        lines.addAll(settings);
        return lines;
    }

    /** The services in use, the database first. */
    List<Service> services() {
        return List.copyOf(services);
    }

    private boolean chosen(AdapterChoice choice, String value) {
        return value.equals(choices.get(choice));
    }

    private void database() {
        Setting url = Setting.of(DATABASE_URL, profile);
        Optional<String> configured = environment.getProperty(DATABASE_URL, String.class).map(String::strip)
                .filter(value -> !value.isEmpty());
        if (configured.isEmpty()) {
            problems.add(url.problem("is required (the catalog, model registry and jobs live in the database)"));
            return;
        }
        String location = configured.get();
        String user = environment.getProperty(DATABASE_USER, String.class).orElse("");
        String password = environment.getProperty(DATABASE_PASSWORD, String.class).orElse("");
        settings.add(url + " = " + ShownValues.masked(location));
        settings.add(Setting.of(DATABASE_USER, profile) + " = " + user);
        settings.add(Setting.of(DATABASE_PASSWORD, profile) + " = " + ShownValues.secret(password));
        if (!location.startsWith("jdbc:")) {
            problems.add(url.problem("'" + ShownValues.masked(location)
                    + "' is not a JDBC URL (jdbc:postgresql://host:port/db)"));
            return;
        }
        Optional<Callable<String>> attempt = location.startsWith("jdbc:h2:") ? Optional.empty()
                : Optional.of(() -> JdbcConnectionCheck.describe(location, user, password, CONNECT_TIMEOUT));
        String name = location.startsWith("jdbc:postgresql:") ? "PostgreSQL"
                : location.startsWith("jdbc:h2:") ? "H2" : "the database";
        services.add(new Service(name, url, ShownValues.masked(location), true, attempt));
    }

    /** Production serves nobody without a key (ADR-0027): keys off there is refused, not warned about. */
    private void access(boolean typed) {
        Setting enabled = Setting.of(AUTH_ENABLED);
        boolean on = typed && environment.getProperty(AUTH_ENABLED, Boolean.class).orElse(false);
        settings.add(enabled + " = " + on);
        if (typed && profile.production() && !on) {
            problems.add(enabled.problem("must be true in the production profile: every route but health, "
                    + "Prometheus and OpenAPI needs an API key there (create one with `tandem keys create`)"));
        }
    }

    private void redis() {
        Optional<String> condition = chosen(AdapterChoice.ONLINE_STORE, "redis") ? Optional.of(
                "when tandem.online-store=redis") : chosen(AdapterChoice.EVENT_IDS, "redis")
                ? Optional.of("when tandem.event-ids=redis") : chosen(AdapterChoice.RATE_LIMITS, "redis")
                ? Optional.of("when tandem.auth.rate-limits=redis") : Optional.empty();
        if (condition.isEmpty()) {
            return;
        }
        RedisConfiguration redis = binder.bind(RedisConfiguration.class, "tandem.redis");
        Setting uri = Setting.of("tandem.redis.uri");
        settings.add(uri + " = " + ShownValues.masked(redis.uri()));
        settings.add(Setting.of("tandem.redis.key-prefix") + " = " + redis.keyPrefix());
        if (valid(() -> redis.settings(condition.get()))) {
            services.add(new Service("Redis", uri, ShownValues.masked(redis.uri()), false,
                    Optional.of(() -> RedisConnectionCheck.serverVersion(redis.uri(), CONNECT_TIMEOUT))));
        }
    }

    private void kafka() {
        if (!chosen(AdapterChoice.EVENT_LOG, "kafka")) {
            return;
        }
        KafkaConfiguration kafka = binder.bind(KafkaConfiguration.class, "tandem.kafka");
        Setting servers = Setting.of("tandem.kafka.bootstrap-servers");
        settings.add(servers + " = " + kafka.bootstrapServers());
        settings.add(Setting.of("tandem.kafka.topic") + " = " + kafka.topic());
        if (valid(kafka::producerSettings)) {
            services.add(new Service("Kafka", servers, kafka.bootstrapServers(), false,
                    Optional.of(() -> KafkaConnectionCheck.describeCluster(kafka.bootstrapServers(), CONNECT_TIMEOUT))));
        }
    }

    private void s3() {
        Optional<String> condition = chosen(AdapterChoice.LAKE, "minio") ? Optional.of("when tandem.lake.store=minio")
                : chosen(AdapterChoice.ARTIFACTS, "minio") ? Optional.of("when tandem.artifacts=minio")
                : Optional.empty();
        if (condition.isEmpty()) {
            return;
        }
        LakeConfiguration lake = binder.bind(LakeConfiguration.class, "tandem.lake");
        LakeConfiguration.S3 s3 = lake.s3() == null ? new LakeConfiguration.S3(null, null, null, null, null, null)
                : lake.s3();
        Setting endpoint = Setting.of("tandem.lake.s3.endpoint");
        settings.add(endpoint + " = " + ShownValues.orNotSet(s3.endpoint()));
        settings.add(Setting.of("tandem.lake.s3.access-key") + " = " + ShownValues.orNotSet(s3.accessKey()));
        settings.add(Setting.of("tandem.lake.s3.secret-key") + " = " + ShownValues.secret(s3.secretKey()));
        settings.add(Setting.of("tandem.lake.s3.bucket") + " = " + ShownValues.orNotSet(s3.bucket()));
        settings.add(Setting.of("tandem.lake.s3.prefix") + " = " + ShownValues.orNotSet(s3.prefix()));
        List<MinioLakeSettings> checked = new ArrayList<>(1);
        if (valid(() -> checked.add(lake.minioSettings(condition.get())))) {
            MinioLakeSettings minio = checked.get(0);
            services.add(new Service("S3", endpoint, minio.endpoint(), false,
                    Optional.of(() -> MinioConnectionCheck.checkBucket(minio))));
        }
    }

    /** Runs a settings constructor; a refused value becomes a problem. */
    private boolean valid(Supplier<?> build) {
        try {
            build.get();
            return true;
        } catch (InvalidSettingException e) {
            problems.add(e.getMessage());
            return false;
        }
    }
}
