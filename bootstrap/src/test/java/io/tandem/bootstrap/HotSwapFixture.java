package io.tandem.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tandem.application.registry.port.in.RegisterModelVersionCommand;
import io.tandem.application.registry.port.in.RegisterModelVersionUseCase;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.StoreModelArtifactPort;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.model.ArtifactKey;
import io.tandem.domain.model.ModelVersion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running Tandem with two trained versions of the two-stage model (the first champion, the second a candidate),
 * plus what a hot-swap test needs around it: recommendation load from several threads, hand-made versions with
 * broken artifacts, and waits for the served version.
 */
final class HotSwapFixture implements AutoCloseable {

    static final String MODEL = SyntheticLake.MODEL;
    static final Duration SWAP_WITHIN = Duration.ofSeconds(5);
    /** How often the instance asks the registry whether the champion changed. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    static final String ARTIFACT_FILE = "ranker.onnx";
    static final String BUNDLE_FILE = "serving.bin";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int BODY_KEPT = 240;

    private final TandemHttp tandem;
    private final String first;
    private final String second;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final String baseUrl;

    private HotSwapFixture(TandemHttp tandem, String first, String second) {
        this.tandem = tandem;
        this.first = first;
        this.second = second;
        this.json = tandem.context().getBean(JsonMapper.class);
        this.baseUrl = tandem.context().getBean(EmbeddedServer.class).getURL().toString();
    }

    /**
     * Starts Tandem on embedded defaults, loads the generated data set of seed 7 ({@link SyntheticLake}), trains
     * twice (seeds 42 and 43; the margin of 1.0 keeps the second a candidate) and waits until the first serves.
     */
    static HotSwapFixture start() throws Exception {
        TandemHttp tandem = TandemHttp.start(Map.of(
                "tandem.training.promotion.margin", 1.0,
                "tandem.serving.model-poll-interval", POLL_INTERVAL.toMillis() + "ms",
                // A fallback here must mean a swap went wrong. With the 15 ms defaults, eight clients on a busy
                // build machine time out the embedded catalog and open its circuit; the swap logic is the same.
                "tandem.serving.budget", "6s",
                "tandem.serving.online-store-timeout", "2s",
                "tandem.serving.catalog-timeout", "2s",
                "tandem.serving.scorer-timeout", "2s"));
        try {
            SyntheticLake.load(tandem, 7L);
            TrainingReport one = SyntheticLake.train(tandem, 42L);
            assertThat(one.promoted()).as(one.summary()).isTrue();
            TrainingReport two = SyntheticLake.train(tandem, 43L);
            assertThat(two.promoted()).as(two.summary()).isFalse();
            HotSwapFixture fixture = new HotSwapFixture(tandem, one.version().version(), two.version().version());
            assertThat(fixture.stageOf(fixture.first)).isEqualTo("champion");
            assertThat(fixture.stageOf(fixture.second)).isEqualTo("candidate");
            // Training promoted through the store, not the registry use case: the registry polling serves it.
            fixture.awaitServed(fixture.first);
            return fixture;
        } catch (Exception | AssertionError e) {
            tandem.close();
            throw e;
        }
    }

    /** The version trained first, champion after start-up. */
    String first() {
        return first;
    }

    /** The version trained second, a candidate after start-up. */
    String second() {
        return second;
    }

    <T> T bean(Class<T> type) {
        return tandem.context().getBean(type);
    }

    TandemHttp.Response promote(String version) {
        return tandem.postJson("/v1/models/" + MODEL + "/versions/" + version + "/promote", "");
    }

    TandemHttp.Response rollback() {
        return tandem.postJson("/v1/models/" + MODEL + "/rollback", "");
    }

    /** {@code version}'s stage as {@code GET /v1/models/two-stage/versions} shows it. */
    String stageOf(String version) {
        TandemHttp.Response response = tandem.get("/v1/models/" + MODEL + "/versions");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode listed : response.tree().get("versions").values()) {
            if (listed.get("version").getStringValue().equals(version)) {
                return listed.get("stage").getStringValue();
            }
        }
        throw new AssertionError("the registry lists no version " + version + ": " + response.body());
    }

    /** The registry's champion by {@code GET /v1/models/two-stage/versions}. */
    String champion() {
        TandemHttp.Response response = tandem.get("/v1/models/" + MODEL + "/versions");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> champions = new ArrayList<>();
        for (JsonNode listed : response.tree().get("versions").values()) {
            if (listed.get("stage").getStringValue().equals("champion")) {
                champions.add(listed.get("version").getStringValue());
            }
        }
        assertThat(champions).as(response.body()).hasSize(1);
        return champions.get(0);
    }

    /** One answer of {@code GET /v1/users/{user}/recommendations}, sent now. */
    Answer recommend(String user) {
        URI uri = URI.create(baseUrl + "/v1/users/" + user + "/recommendations?count=10");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (response.statusCode() != 200) {
                return new Answer(user, sent, answered, response.statusCode(), Optional.empty(), true,
                        opening(response.body()));
            }
            JsonNode body = json.readValue(response.body(), JsonNode.class);
            JsonNode model = body.get("model");
            Optional<String> version = model == null || model.isNull() ? Optional.empty()
                    : Optional.of(model.get("version").getStringValue());
            JsonNode fallback = body.get("fallback");
            JsonNode reason = fallback.get("reason");
            return new Answer(user, sent, answered, 200, version, fallback.get("used").getBooleanValue(),
                    reason == null || reason.isNull() ? "" : reason.getStringValue());
        } catch (IOException | RuntimeException e) {
            return new Answer(user, sent, System.nanoTime(), -1, Optional.empty(), true, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(user, sent, System.nanoTime(), -1, Optional.empty(), true, "interrupted");
        }
    }

    /** The first characters of a body: enough to read a problem in a failure message. */
    private static String opening(String body) {
        return body.length() <= BODY_KEPT ? body : body.substring(0, BODY_KEPT) + "…";
    }

    /**
     * Asks for recommendations until they come from {@code version} without the fallback, at most
     * {@link #SWAP_WITHIN}.
     *
     * @return how long that took
     */
    Duration awaitServed(String version) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + SWAP_WITHIN.toNanos();
        Answer last;
        do {
            last = recommend("u00001");
            if (last.servedBy(version)) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not served by " + version + " within " + SWAP_WITHIN + "; last answer: " + last);
    }

    /** The bytes of {@code file} of a registered version, read back through the artifact store. */
    private byte[] artifact(String version, String file) {
        ModelVersion stored = bean(LoadModelVersionsPort.class).loadVersion(MODEL, version).orElseThrow();
        return bean(LoadModelArtifactPort.class).load(stored.artifactUri().resolve(file));
    }

    /**
     * Where the artifact store keeps the models: the path of the first version's artifact URI up to the
     * {@code models} folder, as a refusal must not show it.
     */
    String storeLocation() {
        String path = bean(LoadModelVersionsPort.class).loadVersion(MODEL, first).orElseThrow().artifactUri()
                .getPath();
        String location = path.substring(0, path.indexOf("/" + ArtifactKey.ROOT + "/"));
        assertThat(location).as("the store's folder, from " + path).isNotBlank();
        return location;
    }

    /** Registers {@code version}: the second version's ranker beside its serving bundle with one byte flipped. */
    void registerWithCorruptBundle(String version) {
        register(version, flipOneByte(artifact(second, BUNDLE_FILE)), Optional.of(artifact(second, ARTIFACT_FILE)));
    }

    /**
     * Registers {@code version}: the second version's serving bundle beside its ranker with one byte flipped in the
     * middle of the trees, still a well-formed ONNX model, with other thresholds.
     */
    void registerWithAlteredRanker(String version) {
        register(version, artifact(second, BUNDLE_FILE), Optional.of(flipOneByte(artifact(second, ARTIFACT_FILE))));
    }

    /** Registers {@code version}: the second version's serving bundle beside the first half of its ranker. */
    void registerWithTruncatedRanker(String version) {
        byte[] ranker = artifact(second, ARTIFACT_FILE);
        register(version, artifact(second, BUNDLE_FILE), Optional.of(Arrays.copyOf(ranker, ranker.length / 2)));
    }

    /** Registers {@code version}: the second version's serving bundle and no ranker file at all. */
    void registerWithoutRanker(String version) {
        register(version, artifact(second, BUNDLE_FILE), Optional.empty());
    }

    /**
     * Stores {@code bundle} and, when given, {@code ranker} as a new version's files and registers it as a
     * candidate with the second version's schema, metrics and window, as a hand-made version would be.
     */
    private void register(String version, byte[] bundle, Optional<byte[]> ranker) {
        StoreModelArtifactPort store = bean(StoreModelArtifactPort.class);
        URI bundleUri = store.store(new ArtifactKey(MODEL, version, BUNDLE_FILE), bundle);
        URI rankerUri = ranker.map(bytes -> store.store(new ArtifactKey(MODEL, version, ARTIFACT_FILE), bytes))
                .orElse(bundleUri.resolve(ARTIFACT_FILE));
        ModelVersion template = bean(LoadModelVersionsPort.class).loadVersion(MODEL, second).orElseThrow();
        bean(RegisterModelVersionUseCase.class).register(new RegisterModelVersionCommand(aVersion(MODEL, version)
                .kind(template.kind()).metrics(template.metrics()).schema(template.schema()).artifact(rankerUri)
                .window(template.trainingWindow()).parent(second).createdAt(Instant.now()).build()));
    }

    /** {@code bytes} with the bit 0x40 of the middle byte flipped. */
    private static byte[] flipOneByte(byte[] bytes) {
        byte[] flipped = bytes.clone();
        flipped[flipped.length / 2] ^= 0x40;
        return flipped;
    }

    /** Starts {@code threads} clients asking for recommendations of various users in a loop. */
    RecommendationLoad startLoad(int threads) {
        return new RecommendationLoad(threads);
    }

    @Override
    public void close() {
        tandem.close();
    }

    /**
     * One recommendation answer as a client saw it, with when it was sent and answered ({@link System#nanoTime}).
     *
     * @param status 200, another HTTP status, or -1 when no answer came
     * @param detail the fallback's reason, the opening of a body with another status than 200, or the exception
     *               when no answer came; empty when the model answered
     */
    record Answer(String user, long sentAt, long answeredAt, int status, Optional<String> version, boolean fallback,
                  String detail) {

        boolean servedBy(String expected) {
            return status == 200 && !fallback && version.equals(Optional.of(expected));
        }

        /** Sent after {@code from} and answered before {@code to}. */
        boolean within(long from, long to) {
            return sentAt > from && answeredAt < to;
        }

        /** In flight at some moment between {@code from} and {@code to}. */
        boolean overlaps(long from, long to) {
            return sentAt < to && answeredAt > from;
        }
    }

    /** Client threads asking for recommendations until stopped, each answer kept. */
    final class RecommendationLoad implements AutoCloseable {

        private final ExecutorService clients;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final AtomicInteger sent = new AtomicInteger();

        private RecommendationLoad(int threads) {
            AtomicInteger count = new AtomicInteger();
            clients = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "hot-swap-client-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            for (int t = 0; t < threads; t++) {
                clients.execute(() -> {
                    while (running.get()) {
                        int n = sent.incrementAndGet();
                        // Mostly known users, every tenth a newcomer: both go through the model.
                        String user = n % 10 == 0 ? "newcomer-" + n
                                : String.format("u%05d", ThreadLocalRandom.current().nextInt(SyntheticLake.USERS));
                        answers.add(recommend(user));
                    }
                });
            }
        }

        /** Answers so far. */
        int answered() {
            return answers.size();
        }

        /** Stops the clients, waits for their last requests, and returns every answer in the order received. */
        List<Answer> stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS))
                    .as("client threads finished their last requests").isTrue();
            return List.copyOf(answers);
        }

        @Override
        public void close() {
            running.set(false);
            clients.shutdownNow();
        }
    }
}
