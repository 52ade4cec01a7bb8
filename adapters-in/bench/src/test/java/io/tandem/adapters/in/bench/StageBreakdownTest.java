package io.tandem.adapters.in.bench;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.TrainingWindow;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.recommendation.Recommendation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The stage breakdown on lambda fakes of the request path's ports: a dependency that times out does not end it. */
class StageBreakdownTest {

    private static final int REQUESTS = 50;

    private final AtomicInteger onlineStoreCalls = new AtomicInteger();

    @Test
    void anOnlineStoreTimeoutIsReportedForItsStageAndTheBreakdownGoesOn() {
        // The 15 ms serving timeout of the online store, hit on the third direct read only.
        StageBreakdown.Ports ports = ports(() -> {
            if (onlineStoreCalls.incrementAndGet() == 3) {
                throw new IllegalStateException("online store did not answer within 15 ms");
            }
        });

        StageBreakdown.Result result = StageBreakdown.measure(ports, candidates(), REQUESTS, 10, 4, (user, n) -> { });

        assertThat(result.requests()).isEqualTo(REQUESTS);
        assertThat(result.failures()).containsOnlyKeys(Stage.ONLINE_STORE.label);
        assertThat(result.failures().get(Stage.ONLINE_STORE.label))
                .isEqualTo(new StageBreakdown.Failures(1, "online store did not answer within 15 ms"));
        assertThat(onlineStoreCalls).hasValue(REQUESTS);
        assertThat(result.direct().get(Stage.ONLINE_STORE).meanMs()).isNotNaN();
        assertThat(result.direct().get(Stage.CATALOG).meanMs()).isNotNaN();
        assertThat(result.total().meanMs()).isNotNaN();
        String printed = printed(result);
        assertThat(printed).contains("failed: 1 of 50 calls of online-store read, left out of its times "
                + "(first: online store did not answer within 15 ms)");
        assertThat(StageReport.toJson(result, 2.0)).contains("\"failures\":{\"online-store read\":{\"count\":1,"
                + "\"first\":\"online store did not answer within 15 ms\"}}");
    }

    @Test
    void aStageThatAlwaysFailsHasNoTimesButTheOthersDo() {
        StageBreakdown.Ports ports = ports(() -> {
            throw new IllegalStateException("timed out");
        });

        StageBreakdown.Result result = StageBreakdown.measure(ports, candidates(), REQUESTS, 10, 4, (user, n) -> {
            throw new IllegalStateException("HTTP 503");
        });

        assertThat(result.failures()).containsOnlyKeys(Stage.ONLINE_STORE.label, StageBreakdown.HTTP_ROUND_TRIP);
        assertThat(result.failures().get(StageBreakdown.HTTP_ROUND_TRIP).count()).isEqualTo(REQUESTS);
        assertThat(result.direct().get(Stage.ONLINE_STORE).meanMs()).isNaN();
        assertThat(result.direct().get(Stage.SCORING).meanMs()).isNotNaN();
        assertThat(StageReport.toJson(result, 2.0)).contains("{\"stage\":\"online-store read\",\"direct\":null");
    }

    @Test
    void withoutFailuresNothingIsReportedAsFailed() {
        StageBreakdown.Result result = StageBreakdown.measure(ports(() -> { }), candidates(), REQUESTS, 10, 4,
                (user, n) -> { });

        assertThat(result.failures()).isEmpty();
        assertThat(printed(result)).doesNotContain("failed:");
        assertThat(StageReport.toJson(result, 2.0)).contains("\"failures\":{}");
    }

    private static StageBreakdown.Ports ports(Runnable onlineStore) {
        RequestPathPorts path = new RequestPathPorts(
                (user, limit) -> {
                    onlineStore.run();
                    return new UserState(Set.of(), List.of());
                },
                (category, limit) -> List.of(),
                ids -> Map.of(),
                uri -> new byte[] {1, 2, 3},
                (artifact, features) -> new FixedScores(features),
                500, 20);
        return new StageBreakdown.Ports(query -> new Recommendation("r", query.user(), List.of(), Optional.empty(),
                FallbackStatus.notUsed()), path);
    }

    private static ServedCandidates candidates() {
        ModelVersion version = new ModelVersion("two-stage", "v1", ModelKind.RANKER, ModelStage.CHAMPION,
                new ModelMetrics("latest 10%", Map.of()), Optional.of(new FeatureSchema("s1", List.of("a", "b"))),
                URI.create("file:///models/two-stage/v1/ranker.onnx"),
                new TrainingWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")),
                Optional.empty(), Instant.parse("2026-02-01T00:00:00Z"));
        return new ServedCandidates(version, List.of(new ServedCandidates.UserCandidates(new UserId("u1"),
                List.of(new ItemId("i1"), new ItemId("i2")), new float[] {1, 2, 3, 4})));
    }

    private static String printed(StageBreakdown.Result result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StageReport.print(result, 2.0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A ranker that scores every row 1. */
    private record FixedScores(int featureCount) implements ScoringModel {

        @Override
        public float[] score(float[] features, int rows) {
            return new float[rows];
        }

        @Override
        public void close() {
        }
    }
}
