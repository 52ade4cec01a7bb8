package io.tandem.application.experiment;

import io.tandem.adapters.out.memory.InMemoryOnlineMetricsAdapter;
import io.tandem.application.experiment.port.in.AttributeEventsCommand;
import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsCommand;
import io.tandem.application.experiment.port.in.RecomputedMetrics;
import io.tandem.application.experiment.port.out.ReadServedListsLakePort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rebuilding an experiment's cells from the lake: the same traffic attributed live and recomputed gives the same
 * cells; lists nobody followed up count too; other experiments' lists, days outside the experiment and events
 * quoting no list of it are left out; the stored cells are replaced.
 */
class RecomputeOnlineMetricsServiceTest {

    private static final Instant STARTED = Instant.parse("2026-12-05T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final ExperimentStoreFake store = new ExperimentStoreFake();
    private final InMemoryOnlineMetricsAdapter metrics = new InMemoryOnlineMetricsAdapter();
    private final List<ServedList> lakeLists = new ArrayList<>();
    private final List<Event> lakeEvents = new ArrayList<>();
    private final List<LocalDate[]> eventRanges = new ArrayList<>();
    private final ReadServedListsLakePort servedLake = (from, to, consumer) -> lakeLists.stream()
            .filter(list -> within(list.servedAt(), from, to)).forEach(consumer);
    private final ReadLakePort eventLake = (from, to, consumer) -> {
        eventRanges.add(new LocalDate[] {from, to});
        lakeEvents.stream().filter(event -> within(event.time(), from, to)).forEach(consumer);
    };
    private final RecomputeOnlineMetricsService recompute = new RecomputeOnlineMetricsService(
            AttributionPolicy.DEFAULT, store, servedLake, eventLake, OnlineMetricsStore.of(metrics), Duration.ofDays(2),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static boolean within(Instant time, LocalDate from, LocalDate to) {
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private void running(String name) {
        Experiment experiment = ExperimentFixture.draft(name).start(STARTED, List.of());
        store.saveExperiment(experiment);
    }

    private ServedList serve(String experiment, String requestId, String variant, String user, Instant at,
                             String... items) {
        List<ServedItem> served = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            served.add(ServedItem.ranked(new ItemId(items[i]), i + 1));
        }
        ServedList list = new ServedList(requestId, experiment, variant, new UserId(user), at, served,
                Duration.ofMillis(3 + requestId.length()), requestId.endsWith("f"));
        lakeLists.add(list);
        return list;
    }

    private Event follow(String id, EventType type, String requestId, String user, String item, Instant at) {
        Event event = new Event(new EventId(id), type, new UserId(user), new ItemId(item), at,
                type == EventType.PURCHASE ? OptionalDouble.of(20) : OptionalDouble.empty(),
                new EventContext(Optional.empty(), Optional.ofNullable(requestId), OptionalInt.empty()));
        lakeEvents.add(event);
        return event;
    }

    /** Two days of traffic on ab-1, every list followed up at least by an impression, and noise around it. */
    private void traffic() {
        Instant day1 = STARTED.plus(Duration.ofHours(2));
        Instant day2 = day1.plus(Duration.ofDays(1));
        serve("ab-1", "r1", "a", "u1", day1, "i1", "i2", "i3");
        serve("ab-1", "r2f", "b", "u2", day1, "i1", "i2");
        serve("ab-1", "r3", "a", "u1", day2, "i3", "i4");
        serve("ab-1", "r4", "b", "u3", day2, "i2");
        serve("other", "x1", "a", "u1", day1, "i1");
        follow("e1", EventType.IMPRESSION, "r1", "u1", "i1", day1.plusSeconds(5));
        follow("e2", EventType.CLICK, "r1", "u1", "i2", day1.plusSeconds(9));
        follow("e3", EventType.PURCHASE, "r1", "u1", "i2", day1.plusSeconds(60));
        follow("e4", EventType.IMPRESSION, "r2f", "u2", "i1", day1.plusSeconds(5));
        follow("e5", EventType.ADD_TO_CART, "r2f", "u2", "i2", day1.plusSeconds(7));
        follow("e6", EventType.IMPRESSION, "r3", "u1", "i3", day2.plusSeconds(5));
        follow("e7", EventType.CLICK, "r3", "u1", "i4", day2.plusSeconds(8));
        follow("e8", EventType.IMPRESSION, "r4", "u3", "i2", day2.plusSeconds(5));
        follow("e9", EventType.CLICK, "r4", "u3", "i2", day2.plus(Duration.ofDays(2)));
        follow("e10", EventType.CLICK, "x1", "u1", "i1", day1.plusSeconds(5));
        follow("e11", EventType.CLICK, "never-served", "u1", "i1", day1.plusSeconds(5));
        follow("e12", EventType.CLICK, null, "u1", "i1", day1.plusSeconds(5));
    }

    private static Map<String, OnlineMetrics> byKey(List<OnlineMetrics> cells) {
        return cells.stream().filter(cell -> cell.experiment().equals("ab-1"))
                .collect(Collectors.toMap(cell -> cell.variant() + "/" + cell.day(), cell -> cell));
    }

    @Test
    void figuresRecomputedFromTheLakeEqualThoseAttributedLive() {
        running("ab-1");
        traffic();
        InMemoryOnlineMetricsAdapter live = new InMemoryOnlineMetricsAdapter();
        AttributeEventsService attribution = new AttributeEventsService(AttributionPolicy.DEFAULT,
                ids -> lakeLists.stream().filter(list -> ids.contains(list.requestId()))
                        .collect(Collectors.toMap(ServedList::requestId, list -> list)),
                OnlineMetricsStore.of(live), Duration.ofDays(2), Clock.fixed(NOW, ZoneOffset.UTC));
        attribution.attribute(new AttributeEventsCommand(lakeEvents));

        RecomputedMetrics result = recompute.recompute(new RecomputeOnlineMetricsCommand("ab-1")).orElseThrow();

        Map<String, OnlineMetrics> liveCells = byKey(live.loadOnlineMetrics("ab-1"));
        assertThat(liveCells).hasSize(6);
        OnlineMetricsAssertions.assertSameCells(metrics.loadOnlineMetrics("ab-1"), List.copyOf(liveCells.values()));
        OnlineMetricsAssertions.assertSameCells(result.cells(), List.copyOf(liveCells.values()));
        assertThat(result.servedLists()).isEqualTo(4);
        // e1..e8 count; e9 is past r4's one-day window, e10..e12 quote no list of ab-1.
        assertThat(result.attributedEvents()).isEqualTo(8);
        assertThat(result.from()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(result.servedTo()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(eventRanges).singleElement().satisfies(range -> assertThat(range)
                .containsExactly(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 7)));
        assertThat(metrics.loadOnlineMetrics("other")).as("another experiment's cells are not written").isEmpty();
    }

    @Test
    void listsNobodyFollowedUpCountInTheDenominatorsAndStaleCellsAreReplaced() {
        running("ab-1");
        Instant day1 = STARTED.plusSeconds(60);
        serve("ab-1", "r1", "a", "u1", day1, "i1");
        serve("ab-1", "r2", "a", "u2", day1, "i1");
        follow("e1", EventType.IMPRESSION, "r1", "u1", "i1", day1.plusSeconds(1));
        recompute.recompute(new RecomputeOnlineMetricsCommand("ab-1"));
        serve("ab-1", "r3", "a", "u3", day1, "i1");

        RecomputedMetrics again = recompute.recompute(new RecomputeOnlineMetricsCommand("ab-1")).orElseThrow();

        OnlineMetrics total = metrics.loadOnlineMetrics("ab-1").stream()
                .filter(cell -> cell.day().isEmpty()).findFirst().orElseThrow();
        assertThat(total.guardrails().requests()).isEqualTo(3);
        assertThat(total.users()).isEqualTo(3);
        assertThat(total.counts().impressions()).isEqualTo(1);
        assertThat(again.servedLists()).isEqualTo(3);
        assertThat(metrics.loadOnlineMetrics("ab-1")).hasSize(2);
    }

    @Test
    void aStoppedExperimentReadsItsDaysAndTheAttributionWindowAfterThem() {
        Experiment stopped = ExperimentFixture.draft("ab-1").start(STARTED, List.of())
                .stop(Instant.parse("2026-12-05T23:00:00Z"));
        store.saveExperiment(stopped);
        serve("ab-1", "r1", "a", "u1", Instant.parse("2026-12-05T22:00:00Z"), "i1");
        serve("ab-1", "r2", "a", "u2", Instant.parse("2026-12-06T22:00:00Z"), "i1");

        RecomputedMetrics result = recompute.recompute(new RecomputeOnlineMetricsCommand("ab-1")).orElseThrow();

        assertThat(result.servedTo()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(result.eventsTo()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(result.servedLists()).isEqualTo(1);
    }

    @Test
    void anUnknownExperimentIsEmptyAndADraftIsAConflictNamingStatus() {
        store.saveExperiment(ExperimentFixture.draft("draft-1"));

        assertThat(recompute.recompute(new RecomputeOnlineMetricsCommand("nope"))).isEmpty();
        assertThatThrownBy(() -> recompute.recompute(new RecomputeOnlineMetricsCommand("draft-1")))
                .isInstanceOf(ExperimentConflictException.class)
                .extracting(e -> ((ExperimentConflictException) e).field()).isEqualTo("status");
        assertThat(metrics.loadOnlineMetrics("draft-1")).isEmpty();
    }
}
