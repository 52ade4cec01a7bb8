package io.tandem.bootstrap;

import io.tandem.application.experiment.OnlineMetricsFixture;
import io.micronaut.json.tree.JsonNode;
import io.tandem.application.experiment.OnlineMetricsStore;
import io.tandem.application.registry.port.out.SaveModelVersionPort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.model.TrainingWindow;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The experiments API as wired on the embedded database: the life cycle draft, running, stopped; the read-out of
 * stored online metrics; and bad input refused naming the field: shares that do not sum to 1, an unknown version,
 * overlapping experiments, stopping a stopped experiment.
 */
class ExperimentsHttpTest {

    private static final Instant SERVED = Instant.parse("2026-12-07T09:00:00Z");

    @AutoClose
    private static final TandemHttp tandem = TandemHttp.start(Map.of());

    @BeforeAll
    static void registerAVersion() {
        tandem.context().getBean(SaveModelVersionPort.class).saveIfAbsent(aVersion("two-stage", "v4").retriever()
                .holdOut("temporal").ndcg(0.3).artifact("file:///tmp/models/two-stage/v4")
                .window(new TrainingWindow(SERVED.minusSeconds(86_400), SERVED)).createdAt(SERVED).build());
    }

    @Test
    void anExperimentGoesFromDraftToRunningToStoppedAndEveryStepIsShown() {
        TandemHttp.Response created = tandem.postJson("/v1/experiments", "{\"name\":\"life-1\",\"surface\":\"home\","
                + "\"holdout\":0.1,\"variants\":[{\"name\":\"a\",\"share\":0.5,\"model\":\"champion\"},"
                + "{\"name\":\"b\",\"share\":0.25,\"model\":{\"name\":\"two-stage\",\"version\":\"v4\"},"
                + "\"options\":{\"diversity\":0.2,\"explorationPlaces\":2}},{\"name\":\"c\",\"share\":0.25,"
                + "\"model\":null}]}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/experiments/life-1");
        JsonNode draft = created.tree();
        assertThat(draft.get("status").getStringValue()).isEqualTo("draft");
        assertThat(draft.get("salt").getStringValue()).isEqualTo("life-1");
        assertThat(draft.get("holdout").getDoubleValue()).isEqualTo(0.1);
        assertThat(draft.get("startedAt").isNull()).isTrue();
        JsonNode variants = draft.get("variants");
        assertThat(variants.get(0).get("model").getStringValue()).isEqualTo("champion");
        assertThat(variants.get(1).get("model").get("version").getStringValue()).isEqualTo("v4");
        assertThat(variants.get(1).get("options").get("diversity").getDoubleValue()).isEqualTo(0.2);
        assertThat(variants.get(1).get("options").get("candidatesPerRetriever").isNull()).isTrue();
        assertThat(variants.get(2).get("model").isNull()).isTrue();

        JsonNode shownDraft = tandem.get("/v1/experiments/life-1").tree();
        assertThat(shownDraft.get("readout").get("comparisons").size()).isZero();
        assertThat(tandem.get("/v1/experiments").body()).contains("\"life-1\"");

        TandemHttp.Response started = tandem.postJson("/v1/experiments/life-1/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.tree().get("status").getStringValue()).isEqualTo("running");
        assertThat(started.tree().get("startedAt").getStringValue()).isNotBlank();
        assertProblem(tandem.postJson("/v1/experiments/life-1/start", ""), 409, "status");

        TandemHttp.Response stopped = tandem.postJson("/v1/experiments/life-1/stop", "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.tree().get("status").getStringValue()).isEqualTo("stopped");
        TandemHttp.Response again = tandem.postJson("/v1/experiments/life-1/stop", "");
        assertProblem(again, 409, "status");
        assertThat(again.body()).contains("is stopped");
        assertThat(tandem.get("/v1/experiments/life-1").tree().get("status").getStringValue()).isEqualTo("stopped");
    }

    @Test
    void anOverlappingExperimentIsRefusedWhileTheOtherRuns() {
        create("{\"name\":\"overlap-1\",\"surface\":\"cart\",\"variants\":" + twoWay() + "}");
        create("{\"name\":\"overlap-2\",\"surface\":\"cart\",\"variants\":" + twoWay() + "}");
        assertThat(tandem.postJson("/v1/experiments/overlap-1/start", "").status()).isEqualTo(200);

        TandemHttp.Response refused = tandem.postJson("/v1/experiments/overlap-2/start", "");

        assertProblem(refused, 409, "surface");
        assertThat(refused.body()).contains("overlap-1");
        assertThat(tandem.get("/v1/experiments/overlap-2").tree().get("status").getStringValue()).isEqualTo("draft");
        tandem.postJson("/v1/experiments/overlap-1/stop", "");
        assertThat(tandem.postJson("/v1/experiments/overlap-2/start", "").status()).isEqualTo(200);
        tandem.postJson("/v1/experiments/overlap-2/stop", "");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"variants\":[{\"name\":\"a\","
                + "\"share\":0.5,\"model\":null},{\"name\":\"b\",\"share\":0.4,\"model\":null}]}"), 400, "variants");
        TandemHttp.Response version = tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"variants\":["
                + "{\"name\":\"a\",\"share\":0.5,\"model\":null},{\"name\":\"b\",\"share\":0.5,\"model\":"
                + "{\"name\":\"two-stage\",\"version\":\"v9\"}}]}");
        assertProblem(version, 400, "variants[1].model.version");
        assertThat(version.body()).contains("'v9'");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"variants\":[{\"name\":\"a\","
                + "\"share\":0.5,\"model\":{\"name\":\"nope\",\"version\":\"v1\"}},{\"name\":\"b\",\"share\":0.5,"
                + "\"model\":null}]}"), 400, "variants[0].model.name");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"variants\":[{\"name\":\"a\","
                + "\"share\":0.5},{\"name\":\"b\",\"share\":0.5,\"model\":null}]}"), 400, "variants[0].model");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"variants\":[{\"name\":\"a\","
                + "\"share\":\"half\",\"model\":null},{\"name\":\"b\",\"share\":0.5,\"model\":null}]}"), 400,
                "variants[0].share");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"variants\":[{\"name\":\"a\","
                + "\"share\":0,\"model\":null},{\"name\":\"b\",\"share\":1,\"model\":null}]}"), 400,
                "variants[0].share");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"variants\":[{\"name\":\"a\","
                + "\"share\":0.5,\"model\":null,\"options\":{\"diversity\":3}},{\"name\":\"b\",\"share\":0.5,"
                + "\"model\":null}]}"), 400, "variants[0].options.diversity");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"variants\":[{\"name\":\"Big\","
                + "\"share\":0.5,\"model\":null},{\"name\":\"b\",\"share\":0.5,\"model\":null}]}"), 400,
                "variants[0].name");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"AB-1\",\"variants\":" + twoWay() + "}"),
                400, "name");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"varients\":[]}"), 400, "varients");
        assertProblem(tandem.postJson("/v1/experiments", ""), 400, "body");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"bad-1\",\"variants\":" + twoWay()
                + ",\"holdout\":1}"), 400, "holdout");
        assertThat(tandem.get("/v1/experiments/bad-1").status()).isEqualTo(404);

        create("{\"name\":\"taken\",\"variants\":" + twoWay() + "}");
        assertProblem(tandem.postJson("/v1/experiments", "{\"name\":\"taken\",\"variants\":" + twoWay() + "}"),
                409, "name");
    }

    @Test
    void unknownAndMalformedNamesInThePath() {
        assertProblem(tandem.get("/v1/experiments/nope"), 404, "name");
        assertProblem(tandem.postJson("/v1/experiments/nope/start", ""), 404, "name");
        assertProblem(tandem.postJson("/v1/experiments/nope/stop", ""), 404, "name");
        assertProblem(tandem.get("/v1/experiments/Nope"), 400, "name");
    }

    @Test
    void theReadOutShowsStoredMetricsWithIntervalsAndADecision() {
        create("{\"name\":\"read-1\",\"surface\":\"read\",\"variants\":" + twoWay() + "}");
        tandem.postJson("/v1/experiments/read-1/start", "");
        cells("read-1", 300).writeTo(tandem.context().getBean(OnlineMetricsStore.class));

        TandemHttp.Response shown = tandem.get("/v1/experiments/read-1");

        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        JsonNode readout = shown.tree().get("readout");
        assertThat(readout.get("metric").getStringValue()).isEqualTo("click-through-rate");
        JsonNode a = readout.get("variants").get(0);
        assertThat(a.get("variant").getStringValue()).isEqualTo("a");
        assertThat(a.get("users").getLongValue()).isEqualTo(300);
        assertThat(a.get("impressions").getLongValue()).isEqualTo(1_500);
        assertThat(a.get("day").isNull()).isTrue();
        double ctr = a.get("clickThroughRate").get("value").getDoubleValue();
        assertThat(a.get("clickThroughRate").get("low").getDoubleValue()).isLessThan(ctr);
        assertThat(a.get("clickThroughRate").get("high").getDoubleValue()).isGreaterThan(ctr);
        assertThat(a.get("coverage").isNull()).as("an empty catalogue has no coverage").isTrue();
        assertThat(a.get("p99LatencyMs").getDoubleValue()).isPositive();
        assertThat(readout.get("days").size()).as("two days of two variants").isEqualTo(4);
        assertThat(readout.get("days").get(0).get("day").getStringValue()).isEqualTo("2026-12-07");
        assertThat(readout.get("sampleRatio").get("mismatch").getBooleanValue()).isFalse();
        JsonNode comparison = readout.get("comparisons").get(0);
        assertThat(comparison.get("challenger").getStringValue()).isEqualTo("b");
        assertThat(comparison.get("verdict").getStringValue()).isEqualTo("ship");
        assertThat(comparison.get("looks").getIntValue()).isEqualTo(1);
        assertThat(comparison.get("low").getDoubleValue()).isPositive();
        assertThat(comparison.get("difference").get("standardError").getDoubleValue()).isPositive();

        JsonNode second = tandem.get("/v1/experiments/read-1").tree().get("readout").get("comparisons").get(0);
        assertThat(second.get("looks").getIntValue()).isEqualTo(2);
        tandem.postJson("/v1/experiments/read-1/stop", "");
    }

    private static void create(String body) {
        TandemHttp.Response created = tandem.postJson("/v1/experiments", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static String twoWay() {
        return "[{\"name\":\"a\",\"share\":0.5,\"model\":\"champion\"},{\"name\":\"b\",\"share\":0.5,"
                + "\"model\":null}]";
    }

    /**
     * The cells of {@code users} users per variant, each served five items on one of two days and impressing them
     * all, and clicking each with probability 0.2 in a's lists and 0.5 in b's (seeded).
     */
    private static OnlineMetricsFixture.Traffic cells(String experiment, int users) {
        List<ServedList> lists = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(13);
        for (String variant : List.of("a", "b")) {
            for (int u = 0; u < users; u++) {
                String requestId = variant + "-" + u;
                UserId user = UserId.of(requestId);
                Instant at = SERVED.plus(Duration.ofDays(u % 2));
                List<ServedItem> items = new ArrayList<>();
                for (int p = 1; p <= 5; p++) {
                    items.add(ServedItem.ranked(ItemId.of("i" + (u + p) % 30), p));
                }
                lists.add(new ServedList(requestId, experiment, variant, user, at, items,
                        Duration.ofMillis(5 + u % 4), false));
                for (ServedItem item : items) {
                    events.add(event(EventType.IMPRESSION, requestId, user, item.item(), at));
                    if (random.nextDouble() < (variant.equals("a") ? 0.2 : 0.5)) {
                        events.add(event(EventType.CLICK, requestId, user, item.item(), at));
                    }
                }
            }
        }
        return new OnlineMetricsFixture.Traffic(lists, events);
    }

    private static Event event(EventType type, String requestId, UserId user, ItemId item, Instant servedAt) {
        return anEvent(requestId + "-" + type + "-" + item.value()).type(type).user(user.value()).item(item.value())
                .at(servedAt.plusSeconds(10)).requestId(requestId).build();
    }
}
