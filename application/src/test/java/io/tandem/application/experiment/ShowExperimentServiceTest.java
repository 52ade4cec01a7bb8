package io.tandem.application.experiment;

import io.tandem.application.catalog.port.out.CountCatalogPort;
import io.tandem.application.experiment.port.in.ExperimentReport;
import io.tandem.application.experiment.port.in.ShowExperimentQuery;
import io.tandem.application.experiment.port.in.VariantComparison;
import io.tandem.application.experiment.port.in.VariantFigures;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.experiment.readout.ReadoutPolicy;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The read-out of stored online metrics: figures with intervals per group and day, decisions, and stored looks. */
class ShowExperimentServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-09T12:00:00Z");
    private static final ReadoutPolicy POLICY = ReadoutPolicy.clickThroughRate(0.02, 50, 100_000);
    private static final CountCatalogPort CATALOG = new CountCatalogPort() {
        @Override
        public long countItems() {
            return 100;
        }

        @Override
        public long countUsers() {
            return 5_000;
        }
    };

    private final ExperimentStoreFake store = new ExperimentStoreFake();
    private final ShowExperimentService show = new ShowExperimentService(store, store, store, store, CATALOG, POLICY,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aDraftShowsNoFiguresAndNoComparison() {
        store.saveExperiment(ExperimentFixture.draft("ab-1"));

        ExperimentReport report = show.show(new ShowExperimentQuery("ab-1")).orElseThrow();

        assertThat(report.readAt()).isEqualTo(NOW);
        assertThat(report.metric()).isEqualTo(PrimaryMetric.CLICK_THROUGH_RATE);
        assertThat(report.groups()).isEmpty();
        assertThat(report.days()).isEmpty();
        assertThat(report.comparisons()).isEmpty();
        assertThat(report.sampleRatio().mismatch()).isFalse();
        assertThat(show.show(new ShowExperimentQuery("unknown"))).isEmpty();
    }

    @Test
    void aClearlyBetterChallengerShipsWithFiguresPerGroupAndDay() {
        running("ab-1");
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.05, "b", 0.15), 400, 11));

        ExperimentReport report = show.show(new ShowExperimentQuery("ab-1")).orElseThrow();

        assertThat(report.groups()).extracting(figures -> figures.metrics().variant()).containsExactly("a", "b");
        VariantFigures control = report.groups().get(0);
        assertThat(control.metrics().users()).isEqualTo(400);
        assertThat(control.metrics().counts().impressions()).isEqualTo(400L * OnlineMetricsFixture.LIST_LENGTH);
        assertThat(control.clickThroughRate().contains(control.metrics().counts().clickThroughRate())).isTrue();
        assertThat(control.clickThroughRate().contains(0.05)).isTrue();
        assertThat(control.clickThroughRate().high()).isLessThan(report.groups().get(1).clickThroughRate().low());
        assertThat(control.coverage().orElseThrow()).isEqualTo(0.4, within(1e-12));
        assertThat(control.fallbackShare().contains(control.metrics().guardrails().fallbackShare())).isTrue();
        assertThat(report.days()).extracting(figures -> figures.metrics().variant() + " "
                + figures.metrics().day().map(LocalDate::toString).orElse("-"))
                .containsExactly("a 2026-12-07", "a 2026-12-08", "b 2026-12-07", "b 2026-12-08");

        VariantComparison comparison = report.comparisons().get(0);
        assertThat(comparison.control()).isEqualTo("a");
        assertThat(comparison.challenger()).isEqualTo("b");
        assertThat(comparison.verdict()).isEqualTo(Verdict.SHIP);
        assertThat(comparison.difference().orElseThrow().value()).isEqualTo(
                report.groups().get(1).metrics().counts().clickThroughRate()
                        - control.metrics().counts().clickThroughRate(), within(1e-12));
        assertThat(comparison.test().interval().low()).isPositive();
        assertThat(comparison.reasons()).singleElement().asString().startsWith("the challenger is better");
    }

    @Test
    void eachReadOfARunningExperimentIsALookCarriedInTheStore() {
        running("ab-1");
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.1, "b", 0.1), 200, 3));

        VariantComparison first = show.show(new ShowExperimentQuery("ab-1")).orElseThrow().comparisons().get(0);
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.1, "b", 0.1), 300, 4));
        VariantComparison second = show.show(new ShowExperimentQuery("ab-1")).orElseThrow().comparisons().get(0);

        assertThat(first.verdict()).isEqualTo(Verdict.KEEP_RUNNING);
        assertThat(first.test().looks()).isEqualTo(1);
        assertThat(second.test().looks()).isEqualTo(2);
        assertThat(second.test().pValue()).isLessThanOrEqualTo(first.test().pValue());
        assertThat(first.test().interval().contains(second.test().interval().low())).isTrue();
        assertThat(first.test().interval().contains(second.test().interval().high())).isTrue();
        assertThat(store.loadSequentialTests("ab-1")).containsEntry("b", second.test());
    }

    @Test
    void aStoppedExperimentIsReadWithoutStoringALook() {
        running("ab-1");
        store.changeExperiment("ab-1", (experiment, all) -> experiment.stop(NOW));
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.05, "b", 0.15), 400, 11));

        ExperimentReport report = show.show(new ShowExperimentQuery("ab-1")).orElseThrow();

        assertThat(report.comparisons().get(0).verdict()).isEqualTo(Verdict.SHIP);
        assertThat(store.testsSaved()).isZero();
    }

    @Test
    void aGroupWithoutServedListsKeepsTheExperimentRunningWithoutALook() {
        running("ab-1");
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.05), 400, 11));

        VariantComparison comparison = show.show(new ShowExperimentQuery("ab-1")).orElseThrow().comparisons().get(0);

        assertThat(comparison.verdict()).isEqualTo(Verdict.KEEP_RUNNING);
        assertThat(comparison.reasons()).containsExactly("'b' has no served lists yet");
        assertThat(comparison.difference()).isEmpty();
        assertThat(store.testsSaved()).isZero();
    }

    @Test
    void aSkewedSplitIsFlaggedAndStopsTheExperiment() {
        running("ab-1");
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.1, "b", 0.1), Map.of("b", 1_300),
                1_000, 5));

        ExperimentReport report = show.show(new ShowExperimentQuery("ab-1")).orElseThrow();

        assertThat(report.sampleRatio().mismatch()).isTrue();
        assertThat(report.comparisons().get(0).verdict()).isEqualTo(Verdict.STOP);
        assertThat(report.comparisons().get(0).reasons()).singleElement().asString()
                .startsWith("sample ratio mismatch");
    }

    @Test
    void aTestStoredUnderAnotherConfigurationStartsAfresh() {
        running("ab-1");
        SequentialTest other = SequentialTest.start(MixtureSprt.forEffect(0.1, 0.5));
        store.saveSequentialTest("ab-1", "b", other.observe(
                new io.tandem.domain.experiment.statistics.Estimate(0.5, 0.001)));
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.1, "b", 0.1), 200, 3));

        VariantComparison comparison = show.show(new ShowExperimentQuery("ab-1")).orElseThrow().comparisons().get(0);

        assertThat(comparison.test().test()).isEqualTo(POLICY.test());
        assertThat(comparison.test().looks()).isEqualTo(1);
    }

    private void running(String name) {
        Experiment draft = ExperimentFixture.draft(name);
        store.saveExperiment(draft);
        store.changeExperiment(name, (experiment, all) -> experiment.start(NOW.minusSeconds(86_400 * 3), all));
    }
}
