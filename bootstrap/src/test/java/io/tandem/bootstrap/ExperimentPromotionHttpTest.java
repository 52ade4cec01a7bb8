package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.application.experiment.OnlineMetricsStore;
import io.tandem.application.registry.port.in.RegisterModelVersionCommand;
import io.tandem.application.registry.port.in.RegisterModelVersionUseCase;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.StoreModelArtifactPort;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.model.ArtifactKey;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promotion gated by the experiment, end to end on the embedded adapters (ADR-0025): a trained champion against
 * hand-registered candidates (the champion's own artifacts, so they serve, with offline metrics recorded on the same
 * hold-out), online metrics filled through {@link OnlineMetricsStore} from simulated impressions and clicks. A
 * candidate that clearly wins an {@code autoPromote} experiment is promoted by the periodic check and the registry
 * keeps the evidence beside it; one that clearly loses is decided by {@code POST .../decide}, recorded as lost and
 * not promoted. Bad states are refused with problem+json naming the field. Last, the same promotion through the
 * HTTP API alone: served lists, impressions and clicks quoting their request ids, attributed by the event flow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentPromotionHttpTest {

    private static final String MODEL = SyntheticLake.MODEL;
    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(20);

    @AutoClose
    private static final TandemHttp tandem = TandemHttp.start(Map.of(
            "tandem.experiments.auto-decide.interval", "200ms",
            // Every request re-reads the running experiments; both groups serve the same files, so their latency
            // differs only by the noise of a shared test machine, which the guardrail here need not judge.
            "tandem.experiments.refresh-interval", "0s",
            "tandem.experiments.p99-latency-ratio", 10.0));

    private static String champion;
    private static double championNdcg;

    @BeforeAll
    static void trainAChampionAndRegisterTwoCandidates() throws Exception {
        SyntheticLake.load(tandem, 7L);
        TrainingReport trained = SyntheticLake.train(tandem, 42L);
        assertThat(trained.promoted()).as(trained.summary()).isTrue();
        champion = trained.version().version();
        championNdcg = trained.version().metrics().value("ndcg@10").orElseThrow();
        registerCopy("v-better", championNdcg + 0.05);
        registerCopy("v-worse", championNdcg - 0.05);
    }

    @Test
    @Order(1)
    void aCandidateThatClearlyWinsIsPromotedByThePeriodicCheckWithItsEvidenceOnTheVersion() throws Exception {
        Instant started = Instant.now();
        create("{\"name\":\"win-1\",\"autoPromote\":true,\"variants\":[{\"name\":\"a\",\"share\":0.5,"
                + "\"model\":\"champion\"},{\"name\":\"b\",\"share\":0.5,\"model\":{\"name\":\"" + MODEL
                + "\",\"version\":\"v-better\"}}]}");
        assertThat(tandem.postJson("/v1/experiments/win-1/start", "").status()).isEqualTo(200);
        ExperimentCells.cells("win-1", 300, 300, 0.2, 0.5).writeTo(tandem.context().getBean(OnlineMetricsStore.class));

        JsonNode version = awaitDecision("v-better");

        assertThat(version.get("stage").getStringValue()).isEqualTo("champion");
        assertThat(stageOf(champion)).isEqualTo("archived");
        JsonNode decision = version.get("decisions").get(0);
        assertThat(version.get("decisions").size()).isEqualTo(1);
        assertThat(decision.get("experiment").getStringValue()).isEqualTo("win-1");
        assertThat(decision.get("outcome").getStringValue()).isEqualTo("promoted");
        assertThat(decision.get("metric").getStringValue()).isEqualTo("click-through-rate");
        assertThat(decision.get("control").get("variant").getStringValue()).isEqualTo("a");
        assertThat(decision.get("control").get("users").getLongValue()).isEqualTo(300);
        assertThat(decision.get("challenger").get("impressions").getLongValue()).isEqualTo(1_500);
        double challengerCtr = decision.get("challenger").get("metric").getDoubleValue();
        assertThat(challengerCtr).isBetween(0.45, 0.55);
        assertThat(decision.get("challenger").get("metricLow").getDoubleValue()).isLessThan(challengerCtr);
        assertThat(decision.get("difference").getDoubleValue()).isBetween(0.2, 0.4);
        assertThat(decision.get("alwaysValidLow").getDoubleValue()).isPositive();
        assertThat(decision.get("alwaysValidPValue").getDoubleValue()).isLessThan(0.05);
        assertThat(decision.get("looks").getIntValue()).isPositive();
        assertThat(decision.get("sampleRatioMismatch").getBooleanValue()).isFalse();
        assertThat(decision.get("guardrailsHeld").getBooleanValue()).isTrue();
        assertThat(decision.get("offlineGatePassed").getBooleanValue()).isTrue();
        assertThat(decision.get("reason").getStringValue()).contains("offline ndcg@10");
        assertThat(Instant.parse(decision.get("decidedAt").getStringValue())).isAfterOrEqualTo(started);

        JsonNode experiment = tandem.get("/v1/experiments/win-1").tree();
        assertThat(experiment.get("status").getStringValue()).as("a decided experiment stops").isEqualTo("stopped");
        assertThat(experiment.get("autoPromote").getBooleanValue()).isTrue();

        // Deciding again answers from the record and changes nothing.
        TandemHttp.Response again = tandem.postJson("/v1/experiments/win-1/decide", "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.tree().get("decided").getBooleanValue()).isTrue();
        assertThat(again.tree().get("decisions").size()).isEqualTo(1);
        assertThat(again.tree().get("decisions").get(0).get("decidedAt").getStringValue())
                .isEqualTo(decision.get("decidedAt").getStringValue());
        assertThat(versionOf("v-better").get("decisions").size()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aCandidateThatClearlyLosesIsRecordedAsLostAndNotPromoted() {
        create("{\"name\":\"lose-1\",\"variants\":[{\"name\":\"a\",\"share\":0.5,\"model\":\"champion\"},"
                + "{\"name\":\"b\",\"share\":0.5,\"model\":{\"name\":\"" + MODEL + "\",\"version\":\"v-worse\"}}]}");
        assertThat(tandem.postJson("/v1/experiments/lose-1/start", "").status()).isEqualTo(200);

        TandemHttp.Response early = tandem.postJson("/v1/experiments/lose-1/decide", "");
        assertThat(early.status()).as(early.body()).isEqualTo(200);
        assertThat(early.tree().get("decided").getBooleanValue()).as("no served lists yet").isFalse();
        assertThat(early.tree().get("pending").get(0).getStringValue()).contains("no served lists yet");
        assertThat(early.tree().get("experiment").get("status").getStringValue()).isEqualTo("running");

        ExperimentCells.cells("lose-1", 300, 300, 0.5, 0.2).writeTo(tandem.context().getBean(OnlineMetricsStore.class));
        TandemHttp.Response decided = tandem.postJson("/v1/experiments/lose-1/decide", "");

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode body = decided.tree();
        assertThat(body.get("decided").getBooleanValue()).isTrue();
        assertThat(body.get("experiment").get("status").getStringValue()).isEqualTo("stopped");
        JsonNode decision = body.get("decisions").get(0);
        assertThat(decision.get("outcome").getStringValue()).isEqualTo("lost");
        assertThat(decision.get("version").getStringValue()).isEqualTo("v-worse");
        assertThat(decision.get("alwaysValidHigh").getDoubleValue()).isNegative();
        assertThat(decision.get("offlineGatePassed").getBooleanValue()).isFalse();

        JsonNode worse = versionOf("v-worse");
        assertThat(worse.get("stage").getStringValue()).isEqualTo("candidate");
        assertThat(worse.get("decisions").get(0).get("outcome").getStringValue()).isEqualTo("lost");
        assertThat(stageOf("v-better")).as("the champion stays").isEqualTo("champion");
    }

    @Test
    @Order(3)
    void decidingADraftAnUnknownOrAMalformedExperimentIsRefusedNamingTheField() {
        create("{\"name\":\"draft-1\",\"surface\":\"drafts\",\"variants\":[{\"name\":\"a\",\"share\":0.5,"
                + "\"model\":\"champion\"},{\"name\":\"b\",\"share\":0.5,\"model\":{\"name\":\"" + MODEL
                + "\",\"version\":\"v-worse\"}}]}");
        assertProblem(tandem.postJson("/v1/experiments/draft-1/decide", ""), 409, "status");
        assertProblem(tandem.postJson("/v1/experiments/nope/decide", ""), 404, "name");
        assertProblem(tandem.postJson("/v1/experiments/Nope/decide", ""), 400, "name");

        create("{\"name\":\"nothing-1\",\"surface\":\"nothing\",\"variants\":[{\"name\":\"a\",\"share\":0.5,"
                + "\"model\":\"champion\"},{\"name\":\"b\",\"share\":0.5,\"model\":null}]}");
        assertThat(tandem.postJson("/v1/experiments/nothing-1/start", "").status()).isEqualTo(200);
        assertProblem(tandem.postJson("/v1/experiments/nothing-1/decide", ""), 409, "variants");

        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"auto-1\",\"autoPromote\":true,\"variants\":"
                + "[{\"name\":\"a\",\"share\":0.5,\"model\":\"champion\"},{\"name\":\"b\",\"share\":0.5,"
                + "\"model\":null}]}"), 400, "autoPromote");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"auto-2\",\"autoPromote\":\"yes\","
                + "\"variants\":[{\"name\":\"a\",\"share\":0.5,\"model\":\"champion\"},{\"name\":\"b\","
                + "\"share\":0.5,\"model\":null}]}"), 400, "autoPromote");
    }

    /**
     * The front door alone: recommendations over HTTP on the experiment's surface, impressions and clicks posted over
     * HTTP quoting the answers' request ids (the challenger's first item clicked in every list, the champion's in
     * every fifth), attributed by the event flow, decided over HTTP: the challenger is promoted, its evidence counts
     * exactly what was posted.
     */
    @Test
    @Order(4)
    void servedListsAndClickedRequestIdsDecideThePromotionThroughTheHttpApiAlone() {
        registerCopy("v-clicked", championNdcg + 0.10);
        create("{\"name\":\"clicks-1\",\"surface\":\"home\",\"variants\":[{\"name\":\"a\",\"share\":0.5,"
                + "\"model\":\"champion\"},{\"name\":\"b\",\"share\":0.5,\"model\":{\"name\":\"" + MODEL
                + "\",\"version\":\"v-clicked\"}}]}");
        assertThat(tandem.postJson("/v1/experiments/clicks-1/start", "").status()).isEqualTo(200);

        List<String> events = new java.util.ArrayList<>();
        Map<String, long[]> posted = new HashMap<>();
        Map<String, Integer> lists = new HashMap<>();
        for (int u = 0; u < SyntheticLake.USERS; u++) {
            String user = String.format("u%05d", u);
            JsonNode answer = tandem.get("/v1/users/" + user + "/recommendations?count=5&surface=home").tree();
            assertThat(answer.get("experiment").getStringValue()).isEqualTo("clicks-1");
            assertThat(answer.get("fallback").get("used").getBooleanValue()).as(answer.toString()).isFalse();
            String variant = answer.get("variant").getStringValue();
            String requestId = answer.get("requestId").getStringValue();
            int list = lists.merge(variant, 1, Integer::sum);
            long[] counts = posted.computeIfAbsent(variant, v -> new long[2]);
            List<String> items = new java.util.ArrayList<>();
            answer.get("items").values().forEach(item -> items.add(item.get("itemId").getStringValue()));
            for (String item : items) {
                events.add(event(requestId + "-i-" + item, "impression", user, item, requestId));
                counts[0]++;
            }
            if (variant.equals("b") || list % 5 == 0) {
                events.add(event(requestId + "-c", "click", user, items.get(0), requestId));
                counts[1]++;
            }
        }
        assertThat(lists.keySet()).containsExactlyInAnyOrder("a", "b");
        TandemHttp.Response accepted = tandem.postJson("/v1/events", "[" + String.join(",", events) + "]");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        awaitImpressions("clicks-1", posted.get("a")[0] + posted.get("b")[0]);

        TandemHttp.Response decided = tandem.postJson("/v1/experiments/clicks-1/decide", "");

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.tree().get("decided").getBooleanValue()).as(decided.body()).isTrue();
        JsonNode version = versionOf("v-clicked");
        assertThat(version.get("stage").getStringValue()).isEqualTo("champion");
        JsonNode decision = version.get("decisions").get(0);
        assertThat(decision.get("experiment").getStringValue()).isEqualTo("clicks-1");
        assertThat(decision.get("outcome").getStringValue()).isEqualTo("promoted");
        assertThat(decision.get("control").get("users").getLongValue()).isEqualTo((long) lists.get("a"));
        assertThat(decision.get("control").get("impressions").getLongValue()).isEqualTo(posted.get("a")[0]);
        assertThat(decision.get("challenger").get("users").getLongValue()).isEqualTo((long) lists.get("b"));
        assertThat(decision.get("challenger").get("impressions").getLongValue()).isEqualTo(posted.get("b")[0]);
        assertThat(decision.get("challenger").get("metric").getDoubleValue())
                .isCloseTo((double) posted.get("b")[1] / posted.get("b")[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(decision.get("alwaysValidLow").getDoubleValue()).isPositive();
        assertThat(decision.get("offlineGatePassed").getBooleanValue()).isTrue();
        assertThat(stageOf("v-better")).as("the former champion").isEqualTo("archived");
    }

    /** Until the read-out counts {@code expected} impressions over its groups: attribution follows the event flow. */
    private static void awaitImpressions(String experiment, long expected) {
        long deadline = System.nanoTime() + DECIDED_WITHIN.toNanos();
        long counted = -1;
        while (System.nanoTime() < deadline) {
            counted = 0;
            for (JsonNode group : tandem.get("/v1/experiments/" + experiment).tree().get("readout").get("variants")
                    .values()) {
                counted += group.get("impressions").getLongValue();
            }
            if (counted == expected) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(counted).as("impressions attributed within " + DECIDED_WITHIN).isEqualTo(expected);
    }

    private static String event(String id, String type, String user, String item, String requestId) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\",\"context\":{\"requestId\":\"" + requestId + "\"}}";
    }

    /** Registers {@code version}: the champion's own files, with {@code ndcg} on the champion's hold-out. */
    private static void registerCopy(String version, double ndcg) {
        ModelVersion template = tandem.context().getBean(LoadModelVersionsPort.class).loadVersion(MODEL, champion)
                .orElseThrow();
        StoreModelArtifactPort store = tandem.context().getBean(StoreModelArtifactPort.class);
        LoadModelArtifactPort load = tandem.context().getBean(LoadModelArtifactPort.class);
        URI ranker = null;
        for (String file : List.of("serving.bin", "ranker.onnx")) {
            ranker = store.store(new ArtifactKey(MODEL, version, file),
                    load.load(template.artifactUri().resolve(file)));
        }
        Map<String, Double> metrics = new HashMap<>(template.metrics().values());
        metrics.put("ndcg@10", ndcg);
        tandem.context().getBean(RegisterModelVersionUseCase.class).register(new RegisterModelVersionCommand(
                new ModelVersion(MODEL, version, template.kind(), ModelStage.CANDIDATE,
                        new ModelMetrics(template.metrics().holdOut(), metrics), template.schema(), ranker,
                        template.trainingWindow(), Optional.of(champion), Instant.now())));
    }

    /** The version as listed once an experiment decision about it is on record. */
    private static JsonNode awaitDecision(String version) throws InterruptedException {
        long deadline = System.nanoTime() + DECIDED_WITHIN.toNanos();
        JsonNode listed = versionOf(version);
        while (listed.get("decisions").size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            listed = versionOf(version);
        }
        assertThat(listed.get("decisions").size()).as("a decision about " + version + " within " + DECIDED_WITHIN)
                .isPositive();
        return listed;
    }

    private static String stageOf(String version) {
        return versionOf(version).get("stage").getStringValue();
    }

    private static JsonNode versionOf(String version) {
        TandemHttp.Response response = tandem.get("/v1/models/" + MODEL + "/versions");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode listed : response.tree().get("versions").values()) {
            if (listed.get("version").getStringValue().equals(version)) {
                return listed;
            }
        }
        throw new AssertionError("no version " + version + " in " + response.body());
    }

    private static void create(String body) {
        TandemHttp.Response created = tandem.postJson("/v1/experiments", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
