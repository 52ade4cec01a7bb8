package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.access.port.in.CreateApiKeyCommand;
import io.tandem.application.access.port.in.CreateApiKeyUseCase;
import io.tandem.application.experiment.OnlineMetricsAssertions;
import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.ReadServedListsLakePort;
import io.tandem.domain.access.Scope;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.ServedList;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's "kept in the online store and in the lake, so they can be recomputed from the lake", end to end on the
 * embedded defaults (ADR-0026): lists served inside an experiment reach the lake's {@code served/} table, the
 * follow-up events reach its {@code events/} table, and rebuilding the experiment from the lake gives exactly the
 * cells that live attribution saved for the same traffic.
 */
class ExperimentRecomputeFromLakeTest {

    private static final int SHOWN = 4;
    private static final int USERS = 60;

    @Test
    void cellsRecomputedFromTheLakeEqualThoseAttributedLive() throws Exception {
        try (TandemHttp tandem = TandemHttp.start(Map.of("tandem.experiments.refresh-interval", "0s"))) {
            SyntheticLake.loadTrainAndServe(tandem, 11L);
            // The rules variant answers from the fallback's snapshot, rebuilt every 10 s: rebuilt now, as at its
            // next tick, so that a fast run does not meet the snapshot taken before the data arrived.
            assertThat(tandem.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();
            assertThat(tandem.postJson("/v1/experiments", "{\"name\":\"lake-1\",\"variants\":["
                    + "{\"name\":\"model\",\"share\":0.5,\"model\":\"champion\"},"
                    + "{\"name\":\"rules\",\"share\":0.5,\"model\":null}]}").status()).isEqualTo(201);
            assertThat(tandem.postJson("/v1/experiments/lake-1/start", "").status()).isEqualTo(200);

            // Every list is impressed (live attribution only sees lists that are followed up); every third list's
            // second item is clicked, every fifth list's first item bought.
            List<String> events = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                String user = String.format("u%05d", u);
                JsonNode answer = tandem.get("/v1/users/" + user + "/recommendations?count=" + SHOWN).tree();
                String requestId = answer.get("requestId").getStringValue();
                List<String> items = new ArrayList<>();
                answer.get("items").values().forEach(item -> items.add(item.get("itemId").getStringValue()));
                for (String item : items) {
                    events.add(event(requestId + "-i-" + item, "impression", user, item, requestId, ""));
                }
                if (u % 3 == 0) {
                    events.add(event(requestId + "-c", "click", user, items.get(1), requestId, ""));
                }
                if (u % 5 == 0) {
                    events.add(event(requestId + "-p", "purchase", user, items.get(0), requestId,
                            ",\"value\":" + (10 + u)));
                }
            }
            TandemHttp.Response accepted = tandem.postJson("/v1/events", "[" + String.join(",", events) + "]");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

            List<OnlineMetrics> live = sorted(tandem.context().getBean(LoadOnlineMetricsPort.class)
                    .loadOnlineMetrics("lake-1"));
            assertThat(live).isNotEmpty();
            assertThat(live.stream().filter(cell -> cell.day().isEmpty())
                    .mapToLong(cell -> cell.guardrails().requests()).sum()).isEqualTo(USERS);

            tandem.context().getBean(ServedListLakeWriter.class).flush();
            tandem.context().getBean(LocalLogArchiver.class).drain();
            List<ServedList> inLake = new ArrayList<>();
            tandem.context().getBean(ReadServedListsLakePort.class).readServedLists(LocalDate.now().minusDays(1),
                    LocalDate.now().plusDays(1), inLake::add);
            assertThat(inLake).hasSize(USERS).allMatch(list -> list.experiment().equals("lake-1")
                    && list.items().size() == SHOWN);

            TandemHttp.Response recomputed = tandem.postJson("/v1/experiments/lake-1/recompute", "");

            assertThat(recomputed.status()).as(recomputed.body()).isEqualTo(200);
            assertThat(recomputed.tree().get("servedLists").getLongValue()).isEqualTo(USERS);
            assertThat(recomputed.tree().get("cells").getIntValue()).isEqualTo(live.size());
            OnlineMetricsAssertions.assertSameCells(tandem.context().getBean(LoadOnlineMetricsPort.class)
                    .loadOnlineMetrics("lake-1"), live);

            // Live attribution goes on over the rebuilt generation: a redelivered event counts nothing, a new one
            // counts once.
            assertThat(tandem.postJson("/v1/events", "[" + events.get(0) + "]").status()).isEqualTo(202);
            OnlineMetricsAssertions.assertSameCells(tandem.context().getBean(LoadOnlineMetricsPort.class)
                    .loadOnlineMetrics("lake-1"), live);

            TandemHttp.Response unknown = tandem.postJson("/v1/experiments/nope/recompute", "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
            assertThat(unknown.tree().get("field").getStringValue()).isEqualTo("name");
            assertThat(tandem.postJson("/v1/experiments/Bad%20Name/recompute", "").status()).isEqualTo(400);

            // A draft has served nothing: there is nothing to rebuild, and the answer says so.
            assertThat(tandem.postJson("/v1/experiments", "{\"name\":\"draft-1\",\"surface\":\"other\","
                    + "\"variants\":[{\"name\":\"a\",\"share\":0.5,\"model\":\"champion\"},"
                    + "{\"name\":\"b\",\"share\":0.5,\"model\":null}]}").status()).isEqualTo(201);
            TandemHttp.Response draft = tandem.postJson("/v1/experiments/draft-1/recompute", "");
            assertThat(draft.status()).as(draft.body()).isEqualTo(409);
            assertThat(draft.header("Content-Type")).startsWith("application/problem+json");
            assertThat(draft.body()).contains("draft").doesNotContain("Exception").doesNotContain("io.tandem");
        }
    }

    @Test
    void recomputingNeedsTheAdminScope() {
        try (TandemHttp keyed = TandemHttp.start(Map.of("tandem.auth.enabled", true))) {
            String serve = keyed.context().getBean(CreateApiKeyUseCase.class).create(new CreateApiKeyCommand("viewer",
                    EnumSet.of(Scope.SERVE), Optional.empty())).token();
            String admin = keyed.context().getBean(CreateApiKeyUseCase.class).create(new CreateApiKeyCommand("ops",
                    EnumSet.of(Scope.ADMIN), Optional.empty())).token();

            TandemHttp.Response refused = keyed.send("POST", "/v1/experiments/nope/recompute",
                    Map.of("Authorization", "Bearer " + serve), new byte[0]);
            TandemHttp.Response anonymous = keyed.send("POST", "/v1/experiments/nope/recompute", Map.of(),
                    new byte[0]);
            TandemHttp.Response allowed = keyed.send("POST", "/v1/experiments/nope/recompute",
                    Map.of("Authorization", "Bearer " + admin), new byte[0]);

            assertThat(refused.status()).isEqualTo(403);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(allowed.status()).as("an admin key reaches the route: no such experiment").isEqualTo(404);
        }
    }

    private static List<OnlineMetrics> sorted(List<OnlineMetrics> cells) {
        return cells.stream().sorted(Comparator.comparing(OnlineMetrics::variant)
                .thenComparing(cell -> cell.day().orElse(LocalDate.MIN))).toList();
    }

    private static String event(String id, String type, String user, String item, String requestId, String more) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\"" + more + ",\"context\":{\"requestId\":\"" + requestId + "\"}}";
    }
}
