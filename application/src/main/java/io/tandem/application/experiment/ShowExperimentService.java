package io.tandem.application.experiment;

import io.tandem.application.catalog.port.out.CountCatalogPort;
import io.tandem.application.experiment.port.in.ExperimentReport;
import io.tandem.application.experiment.port.in.ShowExperimentQuery;
import io.tandem.application.experiment.port.in.ShowExperimentUseCase;
import io.tandem.application.experiment.port.in.VariantComparison;
import io.tandem.application.experiment.port.in.VariantFigures;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.LoadSequentialTestsPort;
import io.tandem.application.experiment.port.out.SaveSequentialTestPort;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.ExperimentStatus;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.readout.ExperimentReadout;
import io.tandem.domain.experiment.readout.InterleavingReadout;
import io.tandem.domain.experiment.readout.Readout;
import io.tandem.domain.experiment.readout.ReadoutPolicy;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SampleRatio;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.Verdict;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an experiment out from its stored online metrics (ADRs 0025, 0026). The first variant is the control and
 * every other one a challenger read against it by {@link ExperimentReadout}; each challenger's sequential test is
 * carried from look to look in the store, so its p-value and interval are the running minimum and intersection
 * over every look any instance took. Only a running experiment's looks are stored: a stopped one is read without
 * changing its record.
 */
public final class ShowExperimentService implements ShowExperimentUseCase {

    private final LoadExperimentPort experiments;
    private final LoadOnlineMetricsPort metrics;
    private final LoadSequentialTestsPort loadTests;
    private final SaveSequentialTestPort saveTest;
    private final CountCatalogPort catalog;
    private final ReadoutPolicy policy;
    private final Clock clock;

    public ShowExperimentService(LoadExperimentPort experiments, LoadOnlineMetricsPort metrics,
                                 LoadSequentialTestsPort loadTests, SaveSequentialTestPort saveTest,
                                 CountCatalogPort catalog, ReadoutPolicy policy, Clock clock) {
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.loadTests = Objects.requireNonNull(loadTests, "loadTests");
        this.saveTest = Objects.requireNonNull(saveTest, "saveTest");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ExperimentReport> show(ShowExperimentQuery query) {
        return experiments.loadExperiment(query.name()).map(this::report);
    }

    private ExperimentReport report(Experiment experiment) {
        List<OnlineMetrics> cells = metrics.loadOnlineMetrics(experiment.name());
        Map<String, OnlineMetrics> totals = new LinkedHashMap<>();
        List<OnlineMetrics> daily = new ArrayList<>();
        for (OnlineMetrics cell : cells) {
            if (cell.day().isEmpty()) {
                totals.put(cell.variant(), cell);
            } else {
                daily.add(cell);
            }
        }
        long catalogItems = catalog.countItems();
        Optional<InterleavingReadout> interleaving = experiment.interleaving()
                && experiment.status() != ExperimentStatus.DRAFT
                ? Optional.of(interleaving(experiment, totals)) : Optional.empty();
        List<VariantComparison> comparisons = experiment.status() == ExperimentStatus.DRAFT ? List.of()
                : interleaving.map(readout -> List.of(comparison(experiment, readout)))
                .orElseGet(() -> compare(experiment, totals));
        return new ExperimentReport(experiment, clock.instant(), policy.metric(), catalogItems,
                totals.values().stream().map(cell -> VariantFigures.of(cell, catalogItems)).toList(),
                daily.stream().map(cell -> VariantFigures.of(cell, catalogItems)).toList(),
                sampleRatio(experiment, totals), comparisons, interleaving);
    }

    /**
     * One look at an interleaving experiment's preference, carried from look to look in the store under the second
     * variant's name as an A/B challenger's test is.
     */
    private InterleavingReadout interleaving(Experiment experiment, Map<String, OnlineMetrics> totals) {
        String control = experiment.variants().get(0).name();
        String challenger = experiment.variants().get(1).name();
        MixtureSprt test = InterleavingReadout.test(policy);
        SequentialTest previous = Optional.ofNullable(loadTests.loadSequentialTests(experiment.name()).get(challenger))
                .filter(stored -> stored.test().equals(test))
                .orElseGet(() -> SequentialTest.start(test));
        InterleavingReadout readout = InterleavingReadout.read(
                Optional.ofNullable(totals.get(ExperimentDesign.INTERLEAVED)), control, challenger, previous, policy);
        if (experiment.status() == ExperimentStatus.RUNNING && readout.test().looks() > previous.looks()) {
            saveTest.saveSequentialTest(experiment.name(), challenger, readout.test());
        }
        return readout;
    }

    private static VariantComparison comparison(Experiment experiment, InterleavingReadout readout) {
        return new VariantComparison(experiment.variants().get(0).name(), experiment.variants().get(1).name(),
                readout.verdict(), readout.reasons(), readout.preference(), readout.test());
    }

    private List<VariantComparison> compare(Experiment experiment, Map<String, OnlineMetrics> totals) {
        String control = experiment.variants().get(0).name();
        Map<String, SequentialTest> stored = loadTests.loadSequentialTests(experiment.name());
        List<VariantComparison> comparisons = new ArrayList<>();
        for (Variant variant : experiment.variants().subList(1, experiment.variants().size())) {
            String challenger = variant.name();
            SequentialTest previous = Optional.ofNullable(stored.get(challenger))
                    .filter(test -> test.test().equals(policy.test()))
                    .orElseGet(() -> SequentialTest.start(policy.test()));
            Optional<String> missing = List.of(control, challenger).stream()
                    .filter(group -> !totals.containsKey(group)).findFirst();
            if (missing.isPresent()) {
                comparisons.add(new VariantComparison(control, challenger, Verdict.KEEP_RUNNING,
                        List.of("'" + missing.get() + "' has no served lists yet"), Optional.empty(), previous));
                continue;
            }
            Readout readout = ExperimentReadout.read(experiment, totals, control, challenger, previous, policy);
            if (experiment.status() == ExperimentStatus.RUNNING && readout.test().looks() > previous.looks()) {
                saveTest.saveSequentialTest(experiment.name(), challenger, readout.test());
            }
            comparisons.add(new VariantComparison(control, challenger, readout.verdict(), readout.reasons(),
                    readout.difference(), readout.test()));
        }
        return comparisons;
    }

    /** Users per group against the configured shares, every group counted (0 before its first served list). */
    private SampleRatio sampleRatio(Experiment experiment, Map<String, OnlineMetrics> totals) {
        if (experiment.interleaving()) {
            // Every user sees both variants: there is no split to check.
            return new SampleRatio(0, 0, 1.0, 1.0, false);
        }
        Map<String, Double> shares = experiment.expectedShares();
        Map<String, Long> users = new LinkedHashMap<>();
        shares.keySet().forEach(group -> users.put(group,
                Optional.ofNullable(totals.get(group)).map(OnlineMetrics::users).orElse(0L)));
        return SampleRatio.check(users, shares, policy.srmThreshold());
    }
}
