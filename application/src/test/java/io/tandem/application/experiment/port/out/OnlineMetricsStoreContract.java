package io.tandem.application.experiment.port.out;

import io.tandem.application.experiment.OnlineMetricsFixture;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SequentialTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every online-metric store promises (ADRs 0025, 0026), run by each adapter's test: cells and sequential tests
 * come back exactly as saved (every double to the last bit), a cell or test saved again replaces the old one, and
 * cells are read by group, the whole-experiment cell before the days.
 */
public abstract class OnlineMetricsStoreContract {

    private static final MixtureSprt TEST = MixtureSprt.forEffect(0.05, 0.005);

    /** The four online-metric ports, as one adapter implements them. */
    public interface Store extends LoadOnlineMetricsPort, SaveOnlineMetricsPort, LoadSequentialTestsPort,
            SaveSequentialTestPort {

        /** The store that {@code adapter} is. */
        static <A extends LoadOnlineMetricsPort & SaveOnlineMetricsPort & LoadSequentialTestsPort
                & SaveSequentialTestPort> Store of(A adapter) {
            return new Store() {
                @Override
                public List<OnlineMetrics> loadOnlineMetrics(String experiment) {
                    return adapter.loadOnlineMetrics(experiment);
                }

                @Override
                public void saveOnlineMetrics(List<OnlineMetrics> cells) {
                    adapter.saveOnlineMetrics(cells);
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
    void cellsAreReadBackExactlyByGroupWithTheWholeExperimentFirst() {
        Store store = emptyStore();
        List<OnlineMetrics> cells = OnlineMetricsFixture.cells("ab-1",
                Map.of("control", 0.1, "b", 0.13, "holdout", 0.08), 40, 7);
        List<OnlineMetrics> other = OnlineMetricsFixture.cells("ab-2", Map.of("a", 0.2, "b", 0.2), 10, 8);
        store.saveOnlineMetrics(cells);
        store.saveOnlineMetrics(other);

        List<OnlineMetrics> read = store.loadOnlineMetrics("ab-1");

        assertThat(cells).hasSize(9);
        assertThat(read).containsExactlyElementsOf(cells.stream().sorted(READ_ORDER).toList());
        assertThat(read.get(0).variant()).isEqualTo("b");
        assertThat(read.get(0).day()).isEmpty();
        assertThat(read.get(1).day()).contains(LocalDate.parse("2026-12-07"));
        assertThat(store.loadOnlineMetrics("ab-2")).hasSize(6);
        assertThat(store.loadOnlineMetrics("ab-3")).isEmpty();
    }

    @Test
    void interleavedCellsKeepTheirWinsTiesAndPreferenceSums() {
        Store store = emptyStore();
        List<OnlineMetrics> cells = OnlineMetricsFixture.interleavedCells("il-1", 60, 3);
        assertThat(cells.get(cells.size() - 1).interleaving().winsB()).isPositive();

        store.saveOnlineMetrics(cells);

        assertThat(store.loadOnlineMetrics("il-1")).containsExactlyElementsOf(cells.stream().sorted(READ_ORDER)
                .toList());
    }

    @Test
    void aCellSavedAgainReplacesTheStoredOne() {
        Store store = emptyStore();
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.1, "b", 0.1), 20, 1));
        List<OnlineMetrics> later = OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.2, "b", 0.3), 60, 2);

        store.saveOnlineMetrics(later);

        assertThat(store.loadOnlineMetrics("ab-1")).containsExactlyElementsOf(later.stream().sorted(READ_ORDER)
                .toList());
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
