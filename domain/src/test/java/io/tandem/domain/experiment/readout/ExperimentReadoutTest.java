package io.tandem.domain.experiment.readout;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentFixture;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetricsAggregate;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.Verdict;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import static io.tandem.domain.experiment.ExperimentFixture.anExperiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperimentReadoutTest {

    private static final Instant AT = ExperimentFixture.START.plusSeconds(60);
    private static final ReadoutPolicy POLICY = ReadoutPolicy.clickThroughRate(0.01, 200, 5_000);

    private final Experiment experiment = anExperiment().running();
    private final OnlineMetricsAggregate aggregate = new OnlineMetricsAggregate(AttributionPolicy.DEFAULT);
    private final SplittableRandom random = new SplittableRandom(5);

    @Test
    void aClearlyBetterChallengerShipsAndAClearlyWorseOneStops() {
        feed(4_000, 0.05, 0.08, 0, 0);

        Readout better = read("a", "b");
        Readout worse = read("b", "a");

        assertThat(better.verdict()).isEqualTo(Verdict.SHIP);
        assertThat(better.reasons()).singleElement().asString().startsWith("the challenger is better")
                .contains("click-through-rate");
        assertThat(better.difference().orElseThrow().value()).isPositive();
        assertThat(better.test().looks()).isEqualTo(1);
        assertThat(worse.verdict()).isEqualTo(Verdict.STOP);
        assertThat(worse.reasons().get(0)).startsWith("the challenger is worse");
    }

    @Test
    void tooFewUsersKeepItRunningWithoutTakingALook() {
        feed(300, 0.05, 0.5, 0, 0);

        Readout readout = read("a", "b");

        assertThat(readout.verdict()).isEqualTo(Verdict.KEEP_RUNNING);
        assertThat(readout.test().looks()).isZero();
        assertThat(readout.difference()).isEmpty();
    }

    @Test
    void noDifferenceByTheHorizonStopsAndBeforeItKeepsRunning() {
        feed(3_000, 0.05, 0.05, 0, 0);

        assertThat(read("a", "b").verdict()).isEqualTo(Verdict.KEEP_RUNNING);
        Readout atHorizon = ExperimentReadout.read(experiment, aggregate.totals("ab-1"), "a", "b",
                SequentialTest.start(POLICY.test()), ReadoutPolicy.clickThroughRate(0.01, 200, 1_000));
        assertThat(atHorizon.verdict()).isEqualTo(Verdict.STOP);
        assertThat(atHorizon.reasons().get(0)).startsWith("no difference found by 1000 users");
    }

    @Test
    void aBrokenGuardrailStopsEvenAWinner() {
        feed(4_000, 0.05, 0.08, 0, 0.3);

        Readout readout = read("a", "b");

        assertThat(readout.verdict()).isEqualTo(Verdict.STOP);
        assertThat(readout.reasons()).singleElement().asString().startsWith("guardrail: fallback share");
    }

    @Test
    void aSampleRatioMismatchStopsBeforeAnyMetricIsRead() {
        feed(4_000, 0.05, 0.08, 0.25, 0);

        Readout readout = read("a", "b");

        assertThat(readout.sampleRatio().mismatch()).isTrue();
        assertThat(readout.verdict()).isEqualTo(Verdict.STOP);
        assertThat(readout.reasons().get(0)).startsWith("sample ratio mismatch");
    }

    @Test
    void aVariantWithoutServedListsIsNamed() {
        assertThatThrownBy(() -> read("a", "b")).isInstanceOf(InvalidFieldException.class).hasMessageContaining("'a'");
    }

    private Readout read(String champion, String challenger) {
        return ExperimentReadout.read(experiment, aggregate.totals("ab-1"), champion, challenger,
                SequentialTest.start(POLICY.test()), POLICY);
    }

    /**
     * Serves each user once (ten impressions) in the variant the experiment assigns, clicking with the variant's
     * rate; {@code lostB} of b's users are dropped (a logging bug), {@code fallbackB} of b's answers are fallbacks.
     */
    private void feed(int users, double ctrA, double ctrB, double lostB, double fallbackB) {
        for (int u = 0; u < users; u++) {
            UserId user = UserId.of("user-" + u);
            Assignment assignment = experiment.assign(user);
            boolean inB = assignment.group().equals("b");
            if (inB && random.nextDouble() < lostB) {
                continue;
            }
            String request = "r-" + u;
            List<ServedItem> items = new ArrayList<>();
            for (int p = 1; p <= 10; p++) {
                items.add(ServedItem.ranked(ItemId.of("i" + p), p));
            }
            aggregate.record(new ServedList(request, experiment.name(), assignment.group(), user, AT, items,
                    Duration.ofMillis(5), inB && random.nextDouble() < fallbackB));
            for (ServedItem item : items) {
                aggregate.apply(event(request + "-i-" + item.position(), EventType.IMPRESSION, request, user, item));
                if (random.nextDouble() < (inB ? ctrB : ctrA)) {
                    aggregate.apply(event(request + "-c-" + item.position(), EventType.CLICK, request, user, item));
                }
            }
        }
    }

    private static Event event(String id, EventType type, String request, UserId user, ServedItem item) {
        return new Event(new EventId(id), type, user, item.item(), AT.plusSeconds(5), OptionalDouble.empty(),
                new EventContext(Optional.empty(), Optional.of(request), OptionalInt.of(item.position())));
    }
}
