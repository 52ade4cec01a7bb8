package io.tandem.domain.experiment.attribution;

import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import static io.tandem.domain.experiment.attribution.AttributionFixture.SERVED;
import static io.tandem.domain.experiment.attribution.AttributionFixture.followUp;
import static io.tandem.domain.experiment.attribution.AttributionFixture.served;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The aggregate fed online equals the aggregate recomputed from the log, whatever the order of the events. */
class ReplayTest {

    @Test
    void recomputingFromTheLogInAnyOrderGivesTheSameMetrics() {
        Random random = new Random(42);
        List<ServedList> served = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int r = 0; r < 2_000; r++) {
            String request = "r" + r;
            String user = "u" + random.nextInt(300);
            String variant = random.nextBoolean() ? "a" : "b";
            String[] items = new String[5];
            for (int p = 0; p < items.length; p++) {
                items[p] = "i" + (r * 7 + p * 13) % 400;
            }
            served.add(served(request, variant, user, SERVED.plus(Duration.ofHours(r % 72)), Duration.ofMillis(r % 40),
                    r % 17 == 0, items));
            for (String item : items) {
                if (random.nextDouble() < 0.9) {
                    events.add(followUp(EventType.IMPRESSION, request, user, item));
                }
                if (random.nextDouble() < 0.15) {
                    events.add(followUp(EventType.CLICK, request, user, item));
                }
                if (random.nextDouble() < 0.03) {
                    events.add(followUp("p-" + request + item, EventType.PURCHASE, request, user, item,
                            SERVED.plus(Duration.ofHours(r % 72 + 1)), OptionalDouble.of(random.nextInt(100))));
                }
            }
        }
        OnlineMetricsAggregate online = new OnlineMetricsAggregate(AttributionPolicy.DEFAULT);
        served.forEach(online::record);
        events.forEach(online::apply);
        List<Event> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(7));

        OnlineMetricsAggregate replayed = OnlineMetricsAggregate.replay(AttributionPolicy.DEFAULT, served, shuffled);

        List<OnlineMetrics> expected = online.daily();
        List<OnlineMetrics> actual = replayed.daily();
        assertThat(actual).hasSameSizeAs(expected).hasSizeGreaterThan(4);
        for (int i = 0; i < expected.size(); i++) {
            OnlineMetrics e = expected.get(i);
            OnlineMetrics a = actual.get(i);
            assertThat(a.counts()).isEqualTo(e.counts());
            assertThat(a.guardrails()).isEqualTo(e.guardrails());
            assertThat(a.quality().listsWithClick()).isEqualTo(e.quality().listsWithClick());
            assertThat(a.quality().meanNdcg()).isCloseTo(e.quality().meanNdcg(), within(1e-12));
            assertThat(a.quality().meanReciprocalRank()).isCloseTo(e.quality().meanReciprocalRank(), within(1e-12));
            assertThat(a.clickThroughRate().estimate().value())
                    .isCloseTo(e.clickThroughRate().estimate().value(), within(1e-12));
            assertThat(a.clickThroughRate().estimate().variance())
                    .isCloseTo(e.clickThroughRate().estimate().variance(), within(1e-12));
        }
        assertThat(replayed.totals("ab-1").get("a").counts()).isEqualTo(online.totals("ab-1").get("a").counts());
        assertThat(online.totals("ab-1").get("a").counts().clickedImpressions()).isPositive();
    }
}
