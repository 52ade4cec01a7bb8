package io.tandem.bootstrap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production start as the README tells a new user to do it, from the front door: the built jar, {@code serve
 * --profile production}, configured by nothing but what {@code eval "$(scripts/services.sh env)"} exports, against
 * the real services. The variables of this test's own process are removed first, so only the names the services
 * script prints can reach the jar. Private names (schema, Redis key prefix, Kafka topics and groups, bucket, HTTP
 * port) keep it apart from other tests. Then the configuration errors a user meets: each one line, exit code
 * non-zero, no stack trace.
 */
class ProductionStartIT {

    private static final Path ROOT = Path.of(System.getProperty("tandem.repository.root", "..")).toAbsolutePath()
            .normalize();
    private static final Path JAR = ROOT.resolve("bootstrap/target/tandem.jar");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SCHEMA = "tandem_start_" + RUN;
    private static final String NAME = "tandem-start-" + RUN;
    private static final Duration START_WITHIN = Duration.ofSeconds(180);
    /** The services script's own inputs (ports, the S3 server's keys), passed on so it prints the right values. */
    private static final List<String> SERVICES_INPUTS = List.of("TANDEM_REDIS_PORT", "TANDEM_PG_PORT",
            "TANDEM_KAFKA_PORT", "TANDEM_S3_PORT", "TANDEM_S3_ACCESS_KEY", "TANDEM_S3_SECRET_KEY");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static Map<String, String> services;
    private static Path workingFolder;
    private static Process tandem;
    private static String baseUrl;
    private static String key;
    private static final StringBuffer OUTPUT = new StringBuffer();

    @BeforeAll
    static void startAsTheReadmeSays() throws Exception {
        assertThat(JAR).as("the fat jar, built by `package` before the integration tests").exists();
        services = servicesEnv();
        workingFolder = Files.createTempDirectory("tandem-start");
        sql("CREATE SCHEMA " + SCHEMA);
        int port = freePort();
        baseUrl = "http://localhost:" + port;
        // Exactly the README's commands; the private names come on top, the schema through the script's own URL.
        String schema = "export TANDEM_JDBC_URL=\"$TANDEM_JDBC_URL?currentSchema=" + SCHEMA + "\"";
        Map<String, String> names = Map.of("TANDEM_HTTP_PORT", Integer.toString(port), "TANDEM_REDIS_KEY_PREFIX",
                NAME + ":", "TANDEM_KAFKA_TOPIC", NAME, "TANDEM_KAFKA_DEAD_LETTER_TOPIC", NAME + ".dlq",
                "TANDEM_KAFKA_MODEL_TOPIC", NAME + ".models", "TANDEM_KAFKA_GROUP_PREFIX", NAME,
                "TANDEM_LAKE_S3_BUCKET", NAME);
        // Production serves nobody without a key: the README creates one first, printed once on standard output.
        Map<String, String> keyNames = new java.util.HashMap<>(names);
        keyNames.put("TANDEM_PROFILE", "production");
        Ran created = ran(jar(schema, keyNames, "keys", "create", "--scope", "ingest,serve", "--name", "start-it"));
        assertThat(created.exitCode).as(created.err).isZero();
        // Start-up may log to standard output too; the key is the one line of its own shape.
        key = created.out.lines().filter(line -> line.startsWith("tdm_")).reduce((a, b) -> b).orElse("");
        assertThat(key).startsWith("tdm_");
        ProcessBuilder builder = jar(schema, names, "serve", "--profile", "production");
        builder.redirectErrorStream(true);
        tandem = builder.start();
        CompletableFuture<Boolean> serving = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(tandem.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    OUTPUT.append(line).append('\n');
                    if (line.startsWith("Tandem serving on")) {
                        serving.complete(true);
                    }
                }
            } catch (IOException e) {
                serving.completeExceptionally(e);
            }
            serving.complete(false);
        }, "tandem-output");
        reader.setDaemon(true);
        reader.start();
        assertThat(serving.get(START_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .as("`serve --profile production` became ready; output:%n%s", OUTPUT).isTrue();
    }

    @AfterAll
    static void stopAndClean() throws Exception {
        try {
            if (tandem != null) {
                tandem.destroy();
                if (!tandem.waitFor(30, TimeUnit.SECONDS)) {
                    tandem.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            cleanRedis();
            cleanKafka();
            cleanBucket();
        }
    }

    @Test
    void servesRecommendationsOnThePostgresqlRedisKafkaAndS3Adapters() throws Exception {
        assertThat(post("/v1/items:batch", "[{\"itemId\":\"p1\",\"categories\":[\"news\"]},"
                + "{\"itemId\":\"p2\",\"categories\":[\"news\"]},{\"itemId\":\"p3\",\"categories\":[\"sport\"]}]")
                .statusCode()).isEqualTo(200);
        String events = "[" + event("e1", "purchase", "a", "p2") + "," + event("e2", "purchase", "b", "p2") + ","
                + event("e3", "click", "c", "p3") + "]";
        HttpResponse<String> accepted = post("/v1/events", events);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(JSON.readValue(accepted.body(), JsonNode.class).get("accepted").getIntValue()).isEqualTo(3);

        // Events go through Kafka to the online features in Redis; the fallback's snapshot of them is rebuilt every
        // 10 s. The most purchased item leads the answer once they have arrived.
        JsonNode answer = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/v1/users/newcomer/recommendations?count=3");
            assertThat(response.statusCode()).isEqualTo(200);
            answer = JSON.readValue(response.body(), JsonNode.class);
            if (answer.get("items").size() > 0
                    && answer.get("items").get(0).get("itemId").getStringValue().equals("p2")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(answer.get("items").get(0).get("itemId").getStringValue()).as("answer %s", answer).isEqualTo("p2");
        assertThat(answer.get("fallback").get("reason").getStringValue()).isEqualTo("no model");
        assertThat(redisKeys()).as("online features under the private prefix").isNotEmpty();
        assertThat(OUTPUT.toString()).as("no stack trace in the output").doesNotContain("\tat ");
    }

    @Test
    void withoutAKeyTheApiAnswers401AndHealthStaysOpen() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/v1/users/newcomer/recommendations")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/liveness"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(OUTPUT.toString()).as("the key never reaches the output")
                .doesNotContain(secretOf(key));
    }

    @Test
    void productionWithKeysOffIsRefusedInOneLine() throws Exception {
        Ran ran = ran(jar("", Map.of("TANDEM_AUTH_ENABLED", "false"), "serve", "--profile", "production"));

        assertThat(ran.exitCode).isEqualTo(2);
        assertThat(ran.errLines()).singleElement().asString()
                .startsWith("tandem.auth.enabled (TANDEM_AUTH_ENABLED) must be true in the production profile");
        assertThat(ran.out).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aMissingKeyIsOneLineNamingThePropertyAndItsVariable() throws Exception {
        Ran ran = ran(jar("unset TANDEM_LAKE_S3_ACCESS_KEY", Map.of(), "serve", "--profile", "production"));

        assertThat(ran.exitCode).isEqualTo(2);
        assertThat(ran.errLines()).containsExactly(
                "tandem.lake.s3.access-key (TANDEM_LAKE_S3_ACCESS_KEY) is required when tandem.lake.store=minio");
        assertThat(ran.out).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aWrongEndpointIsOneLineNamingThePropertyAndItsVariable() throws Exception {
        String closed = "jdbc:postgresql://127.0.0.1:" + freePort() + "/tandem";
        Ran unreachable = ran(jar("export TANDEM_JDBC_URL=" + closed, Map.of(), "serve", "--profile", "production"));

        assertThat(unreachable.exitCode).isEqualTo(1);
        assertThat(unreachable.errLines()).singleElement().asString()
                .startsWith("datasources.default.url (TANDEM_JDBC_URL) cannot connect to PostgreSQL at " + closed + ": ");
        assertThat(unreachable.out).doesNotContain("\tat ", "Exception");

        Ran malformed = ran(jar("export TANDEM_LAKE_S3_ENDPOINT=127.0.0.1:9000", Map.of(), "serve", "--profile",
                "production"));

        assertThat(malformed.exitCode).isEqualTo(2);
        assertThat(malformed.errLines()).containsExactly("tandem.lake.s3.endpoint (TANDEM_LAKE_S3_ENDPOINT):"
                + " '127.0.0.1:9000' is not a URL when tandem.lake.store=minio");
    }

    @Test
    void anUnknownAdapterIsOneLineNamingThePropertyItsVariableAndTheChoices() throws Exception {
        Ran ran = ran(jar("", Map.of("TANDEM_EVENT_LOG", "carrier-pigeon"), "serve", "--profile", "production"));

        assertThat(ran.exitCode).isEqualTo(2);
        assertThat(ran.errLines()).containsExactly(
                "tandem.event-log (TANDEM_EVENT_LOG): unknown value 'carrier-pigeon'; allowed: local, memory, kafka");
        assertThat(ran.out).doesNotContain("\tat ", "Exception");
    }

    @Test
    void configCheckShowsTheEffectiveSettingsMasksTheSecretAndReachesEveryService() throws Exception {
        Ran ran = ran(jar("", Map.of("TANDEM_LAKE_S3_BUCKET", NAME), "config", "check", "--profile", "production"));

        assertThat(ran.exitCode).as(ran.out).isZero();
        assertThat(ran.out).contains("tandem.event-log (TANDEM_EVENT_LOG) = kafka",
                "tandem.lake.s3.secret-key (TANDEM_LAKE_S3_SECRET_KEY) = ****",
                "ok    PostgreSQL at jdbc:postgresql://", "ok    Redis at redis://", "ok    Kafka at ",
                "ok    S3 at http://").doesNotContain(services.get("TANDEM_LAKE_S3_SECRET_KEY"));
    }

    @Test
    void configCheckFailsNamingTheServiceThatDoesNotAnswer() throws Exception {
        String closed = "redis://127.0.0.1:" + freePort();
        Ran ran = ran(jar("export TANDEM_REDIS_URI=" + closed, Map.of("TANDEM_LAKE_S3_BUCKET", NAME), "config",
                "check", "--profile", "production"));

        assertThat(ran.exitCode).isEqualTo(1);
        assertThat(ran.out).contains("FAIL  tandem.redis.uri (TANDEM_REDIS_URI) cannot connect to Redis at " + closed)
                .contains("ok    PostgreSQL at ").doesNotContain("\tat ");
    }

    /**
     * {@code java -jar tandem.jar ARGS} after {@code eval "$(scripts/services.sh env)"} and {@code adjust}, with
     * only {@code extra} on top of the services script's output.
     */
    private static ProcessBuilder jar(String adjust, Map<String, String> extra, String... args) {
        String command = "eval \"$(" + ROOT.resolve("scripts/services.sh") + " env)\" && " + (adjust.isEmpty() ? ""
                : adjust + " && ") + "exec java -Xmx768m -Dai.djl.offline=true -jar " + JAR + " " + String.join(" ", args);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(workingFolder.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("TANDEM_") || name.startsWith("DATASOURCES_")
                || name.startsWith("MICRONAUT_"));
        for (String input : SERVICES_INPUTS) {
            if (System.getenv(input) != null) {
                environment.put(input, System.getenv(input));
            }
        }
        environment.putAll(extra);
        return builder;
    }

    private record Ran(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    private static Ran ran(ProcessBuilder builder) throws Exception {
        Path out = Files.createTempFile(workingFolder, "out", ".txt");
        Path err = Files.createTempFile(workingFolder, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        return new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** What {@code scripts/services.sh env} exports, as this test's cleanup needs it. */
    private static Map<String, String> servicesEnv() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "eval \"$(" + ROOT.resolve("scripts/services.sh")
                + " env)\" && env");
        builder.environment().keySet().removeIf(name -> name.startsWith("TANDEM_") && !SERVICES_INPUTS.contains(name));
        Process process = builder.redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> exported = new java.util.HashMap<>();
        printed.lines().filter(line -> line.startsWith("TANDEM_")).forEach(line -> {
            int equals = line.indexOf('=');
            exported.put(line.substring(0, equals), line.substring(equals + 1));
        });
        assertThat(exported).containsKeys("TANDEM_JDBC_URL", "TANDEM_REDIS_URI", "TANDEM_KAFKA_BOOTSTRAP_SERVERS",
                "TANDEM_LAKE_S3_ENDPOINT", "TANDEM_LAKE_S3_ACCESS_KEY", "TANDEM_LAKE_S3_SECRET_KEY");
        return exported;
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String id, String type, String user, String item) {
        String value = type.equals("purchase") ? ",\"value\":10" : "";
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\"" + value + "}";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sql(String statement) throws Exception {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                servicesOr("TANDEM_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/tandem"),
                servicesOr("TANDEM_JDBC_USER", "postgres"), servicesOr("TANDEM_JDBC_PASSWORD", ""));
             java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement);
        }
    }

    private static String servicesOr(String name, String fallback) {
        return services == null ? fallback : services.getOrDefault(name, fallback);
    }

    private static List<String> redisKeys() {
        RedisClient client = RedisClient.create(servicesOr("TANDEM_REDIS_URI", "redis://127.0.0.1:6379"));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = new ArrayList<>();
            ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(NAME + ":*")).forEachRemaining(keys::add);
            return keys;
        } finally {
            client.shutdown();
        }
    }

    private static void cleanRedis() {
        SharedRedisKeys.remove(servicesOr("TANDEM_REDIS_URI", "redis://127.0.0.1:6379"), NAME + ":");
    }

    private static void cleanKafka() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                servicesOr("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")))) {
            for (String topic : List.of(NAME, NAME + ".dlq", NAME + ".models")) {
                try {
                    admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Not created: nothing to delete.
                }
            }
        }
    }

    private static void cleanBucket() throws Exception {
        MinioClient minio = MinioClient.builder()
                .endpoint(servicesOr("TANDEM_LAKE_S3_ENDPOINT", "http://127.0.0.1:9000"))
                .credentials(servicesOr("TANDEM_LAKE_S3_ACCESS_KEY", "tandem"),
                        servicesOr("TANDEM_LAKE_S3_SECRET_KEY", "tandem-secret")).build();
        if (!minio.bucketExists(io.minio.BucketExistsArgs.builder().bucket(NAME).build())) {
            return;
        }
        for (Result<Item> object : minio.listObjects(ListObjectsArgs.builder().bucket(NAME).recursive(true).build())) {
            minio.removeObject(RemoveObjectArgs.builder().bucket(NAME).object(object.get().objectName()).build());
        }
        minio.removeBucket(RemoveBucketArgs.builder().bucket(NAME).build());
    }

    /**
     * The secret of a {@code tdm_<id>_<secret>} key: what follows the separator after the id, as ApiKeyToken parses
     * it. The secret is base64url and may itself hold '_', so the text after the last '_' is not the secret (a
     * one-letter tail once made this test look for "I" in the log).
     */
    private static String secretOf(String key) {
        String secret = key.substring(key.indexOf('_', "tdm_".length()) + 1);
        assertThat(secret).as("the secret of %s", key).hasSize(43);
        return secret;
    }
}
