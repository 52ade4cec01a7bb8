package io.tandem.application.experiment.port.out;

import io.tandem.application.experiment.AttributeEventsService;
import io.tandem.application.experiment.OnlineMetricsAssertions;
import io.tandem.application.experiment.port.in.AttributeEventsCommand;
import io.tandem.application.experiment.OnlineMetricsFixture;
import io.tandem.application.experiment.OnlineMetricsStore;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.FollowUpStep;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SequentialTest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every online-metric store promises (ADRs 0025, 0026 amended), run by each adapter's test: increments added
 * from any number of calls give the attribution aggregate's cells, read by group with the whole-experiment cell
 * first; a change made from a stale version, or to a generation no longer written, changes nothing, and a call is
 * all or none; a rebuilt generation is read only once it is finished; closed states are forgotten while their cells
 * stay; sequential tests come back exactly as saved and are replaced when saved again.
 */
public abstract class OnlineMetricsStoreContract {

    private static final MixtureSprt TEST = MixtureSprt.forEffect(0.05, 0.005);
    private static final Instant LATER = OnlineMetricsFixture.DAY_ONE.plus(Duration.ofDays(30));

    /** The online-metric ports, as one adapter implements them. */
    public interface Store extends LoadOnlineMetricsPort, AddOnlineMetricsPort, LoadAttributionStatesPort,
            LoadMetricGenerationsPort, RebuildOnlineMetricsPort, ForgetAttributionStatesPort, LoadSequentialTestsPort,
            SaveSequentialTestPort {

        /** The ports attribution writes through. */
        default OnlineMetricsStore ports() {
            return OnlineMetricsStore.of(this);
        }

        /** The store that {@code adapter} is. */
        static <A extends LoadOnlineMetricsPort & AddOnlineMetricsPort & LoadAttributionStatesPort
                & LoadMetricGenerationsPort & RebuildOnlineMetricsPort & ForgetAttributionStatesPort
                & LoadSequentialTestsPort & SaveSequentialTestPort> Store of(A adapter) {
            return new Store() {
                @Override
                public List<OnlineMetrics> loadOnlineMetrics(String experiment) {
                    return adapter.loadOnlineMetrics(experiment);
                }

                @Override
                public boolean addOnlineMetrics(List<RequestChange> changes) {
                    return adapter.addOnlineMetrics(changes);
                }

                @Override
                public List<AttributionState> loadAttributionStates(Set<String> requestIds) {
                    return adapter.loadAttributionStates(requestIds);
                }

                @Override
                public Map<String, MetricGenerations> loadMetricGenerations(Set<String> experiments) {
                    return adapter.loadMetricGenerations(experiments);
                }

                @Override
                public long beginRebuild(String experiment) {
                    return adapter.beginRebuild(experiment);
                }

                @Override
                public boolean finishRebuild(String experiment, long generation) {
                    return adapter.finishRebuild(experiment, generation);
                }

                @Override
                public int forgetAttributionStates(Instant now) {
                    return adapter.forgetAttributionStates(now);
                }

                @Override
                public Map<String, SequentialTest> loadSequentialTests(String experiment) {
                    return adapter.loadSequentialTests(experiment);
                }

                @Override
                public void saveSequentialTest(String experiment, String challenger, SequentialTest test) {
                    adapter.saveSequentialTest(experiment, challenger, test);
                }
            };
        }
    }

    /** An empty store for one test. */
    protected abstract Store emptyStore();

    private static final Comparator<OnlineMetrics> READ_ORDER = Comparator.comparing(OnlineMetrics::variant)
            .thenComparing(cell -> cell.day().orElse(LocalDate.MIN));

    @Test
    void addedIncrementsGiveTheAggregatesCellsReadByGroupWithTheWholeExperimentFirst() {
        Store store = emptyStore();
        List<OnlineMetrics> cells = OnlineMetricsFixture.fill(store.ports(), "ab-1",
                Map.of("control", 0.1, "b", 0.13, "holdout", 0.08), 40, 7);
        OnlineMetricsFixture.fill(store.ports(), "ab-2", Map.of("a", 0.2, "b", 0.2), 10, 8);

        List<OnlineMetrics> read = store.loadOnlineMetrics("ab-1");

        assertThat(cells).hasSize(9);
        OnlineMetricsAssertions.assertSameCells(read, cells);
        assertThat(read).isSortedAccordingTo(READ_ORDER);
        assertThat(read.get(0).variant()).isEqualTo("b");
        assertThat(read.get(0).day()).isEmpty();
        assertThat(read.get(1).day()).contains(LocalDate.parse("2026-12-07"));
        assertThat(store.loadOnlineMetrics("ab-2")).hasSize(6);
        assertThat(store.loadOnlineMetrics("ab-3")).isEmpty();
    }

    @Test
    void interleavedCellsKeepTheirWinsTiesAndPreferenceSums() {
        Store store = emptyStore();
        OnlineMetricsFixture.Traffic traffic = OnlineMetricsFixture.interleavedTraffic("il-1", 60, 3);
        List<OnlineMetrics> cells = traffic.cells();
        assertThat(cells.get(cells.size() - 1).interleaving().winsB()).isPositive();
        assertThat(cells.get(cells.size() - 1).interleaving().winsA()).isPositive();

        traffic.writeTo(store.ports());

        OnlineMetricsAssertions.assertSameCells(store.loadOnlineMetrics("il-1"), cells);
    }

    @Test
    void twoWritersAtOnceGiveTheCellsOfOne() throws Exception {
        Store store = emptyStore();
        OnlineMetricsFixture.Traffic traffic = OnlineMetricsFixture.traffic("ab-1", Map.of("a", 0.2, "b", 0.3),
                Map.of(), 30, 9);
        Map<String, ServedList> lists = new HashMap<>();
        traffic.lists().forEach(list -> lists.put(list.requestId(), list));
        LoadServedListsPort served = ids -> ids.stream().filter(lists::containsKey)
                .collect(Collectors.toMap(id -> id, lists::get));
        List<Event> events = traffic.events();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                int own = writer;
                AttributeEventsService attribution = new AttributeEventsService(AttributionPolicy.DEFAULT, served,
                        store.ports(), Duration.ofDays(2), Clock.fixed(LATER.minus(Duration.ofDays(29)),
                        ZoneOffset.UTC));
                done.add(threads.submit(() -> {
                    for (int batch = 0; batch * 10 < events.size(); batch++) {
                        // Each writer takes every other batch, and one in three of the other's is delivered to it too.
                        if (batch % 2 == own || batch % 3 == 0) {
                            attribution.attribute(new AttributeEventsCommand(
                                    events.subList(batch * 10, Math.min(events.size(), batch * 10 + 10))));
                        }
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        OnlineMetricsAssertions.assertSameCells(store.loadOnlineMetrics("ab-1"), traffic.cells());
    }

    @Test
    void statesComeBackWithTheirFollowUpsAndAVersionEachChangeMovesOn() {
        Store store = emptyStore();
        OnlineMetricsFixture.fill(store.ports(), "ab-1", Map.of("a", 0.5), 2, 3);

        List<AttributionState> states = store.loadAttributionStates(Set.of("ab-1-a-0", "ab-1-a-1", "nope"));

        assertThat(states).extracting(AttributionState::requestId).containsExactlyInAnyOrder("ab-1-a-0", "ab-1-a-1");
        assertThat(states).allSatisfy(state -> {
            assertThat(state.version()).isEqualTo(1);
            assertThat(state.generation()).isZero();
            assertThat(state.followUps()).hasSizeGreaterThanOrEqualTo(OnlineMetricsFixture.LIST_LENGTH)
                    .allSatisfy(event -> assertThat(event.context().requestId()).contains(state.requestId()));
        });
        assertThat(store.loadMetricGenerations(Set.of("ab-1", "ab-9"))).containsEntry("ab-1", MetricGenerations.FIRST)
                .containsEntry("ab-9", MetricGenerations.FIRST);
    }

    @Test
    void aStaleVersionChangesNothingAndACallIsAllOrNone() {
        Store store = emptyStore();
        OnlineMetricsFixture.Traffic traffic = OnlineMetricsFixture.traffic("ab-1", Map.of("a", 0.5), Map.of(), 3, 4);
        traffic.writeTo(store.ports());
        List<OnlineMetrics> before = store.loadOnlineMetrics("ab-1");
        AttributionState stored = store.loadAttributionStates(Set.of("ab-1-a-0")).get(0);
        ServedList fresh = new ServedList("fresh-1", "ab-1", "a", UserId.of("u-fresh"), OnlineMetricsFixture.DAY_ONE,
                traffic.lists().get(0).items(), Duration.ofMillis(3), false);
        RequestChange good = change(fresh, 0, 0);
        RequestChange stale = change(traffic.lists().get(0), 0, stored.version() - 1);

        assertThat(store.addOnlineMetrics(List.of(good, stale))).isFalse();
        assertThat(store.addOnlineMetrics(List.of(change(fresh, 7, 0)))).as("a generation never opened").isFalse();

        OnlineMetricsAssertions.assertSameCells(store.loadOnlineMetrics("ab-1"), before);
        assertThat(store.loadAttributionStates(Set.of("fresh-1"))).isEmpty();
        assertThat(store.addOnlineMetrics(List.of(good))).isTrue();
        assertThat(store.loadOnlineMetrics("ab-1").get(0).guardrails().requests())
                .isEqualTo(before.get(0).guardrails().requests() + 1);
        assertThat(store.addOnlineMetrics(List.of(good))).as("version 0 again").isFalse();
    }

    @Test
    void aRebuiltGenerationIsReadOnlyOnceFinishedAndThenReplacesTheCells() {
        Store store = emptyStore();
        OnlineMetricsFixture.fill(store.ports(), "ab-1", Map.of("a", 0.1, "b", 0.1), 20, 1);
        List<OnlineMetrics> old = store.loadOnlineMetrics("ab-1");

        long building = store.beginRebuild("ab-1");
        assertThat(store.loadMetricGenerations(Set.of("ab-1")).get("ab-1").written()).containsExactly(0L, building);
        OnlineMetricsFixture.Traffic rebuilt = OnlineMetricsFixture.traffic("ab-1", Map.of("a", 0.3), Map.of(), 5, 2);
        for (ServedList list : rebuilt.lists()) {
            assertThat(store.addOnlineMetrics(List.of(change(list, building, 0)))).isTrue();
        }
        OnlineMetricsAssertions.assertSameCells(store.loadOnlineMetrics("ab-1"), old);
        assertThat(store.finishRebuild("ab-1", building + 1)).isFalse();

        assertThat(store.finishRebuild("ab-1", building)).isTrue();

        List<OnlineMetrics> now = store.loadOnlineMetrics("ab-1");
        assertThat(now).extracting(OnlineMetrics::variant).containsOnly("a");
        assertThat(now.get(0).guardrails().requests()).isEqualTo(5);
        assertThat(store.loadMetricGenerations(Set.of("ab-1")).get("ab-1").written()).containsExactly(building);
        assertThat(store.loadAttributionStates(Set.of("ab-1-a-0"))).extracting(AttributionState::generation)
                .containsExactly(building);
        assertThat(store.addOnlineMetrics(List.of(change(rebuilt.lists().get(1), 0, 0))))
                .as("the old generation is no longer written").isFalse();
    }

    @Test
    void closedStatesAreForgottenAndTheirCellsStay() {
        Store store = emptyStore();
        List<OnlineMetrics> cells = OnlineMetricsFixture.fill(store.ports(), "ab-1", Map.of("a", 0.2), 6, 3);

        assertThat(store.forgetAttributionStates(OnlineMetricsFixture.DAY_ONE)).isZero();
        assertThat(store.forgetAttributionStates(LATER)).isEqualTo(6);

        assertThat(store.loadAttributionStates(Set.of("ab-1-a-0", "ab-1-a-1"))).isEmpty();
        OnlineMetricsAssertions.assertSameCells(store.loadOnlineMetrics("ab-1"), cells);
    }

    /** The change that counts {@code list} with no follow-ups in {@code generation}. */
    private static RequestChange change(ServedList list, long generation, long expectedVersion) {
        FollowUpStep step = FollowUpStep.of(AttributionPolicy.DEFAULT, list, false, List.of(), List.of());
        return new RequestChange(list.experiment(), generation, list.requestId(), expectedVersion, step.accepted(),
                list.servedAt().plus(Duration.ofDays(2)), step.increment());
    }

    @Test
    void sequentialTestsAreReadBackExactlyPerChallengerAndReplacedWhenSavedAgain() {
        Store store = emptyStore();
        SequentialTest fresh = SequentialTest.start(TEST);
        SequentialTest looked = fresh.observe(new Estimate(0.0123456789, 1.234e-5))
                .observe(new Estimate(0.011, 9.87e-6));
        store.saveSequentialTest("ab-1", "b", fresh);
        store.saveSequentialTest("ab-1", "c", looked);
        store.saveSequentialTest("ab-2", "b", looked);

        assertThat(store.loadSequentialTests("ab-1")).containsExactlyInAnyOrderEntriesOf(
                Map.of("b", fresh, "c", looked));

        SequentialTest later = looked.observe(new Estimate(0.012, 5e-6));
        store.saveSequentialTest("ab-1", "b", later);

        assertThat(store.loadSequentialTests("ab-1")).containsExactlyInAnyOrderEntriesOf(
                Map.of("b", later, "c", looked));
        assertThat(store.loadSequentialTests("ab-3")).isEmpty();
    }
}
