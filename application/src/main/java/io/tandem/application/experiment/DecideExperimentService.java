package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.DecideExperimentCommand;
import io.tandem.application.experiment.port.in.DecideExperimentUseCase;
import io.tandem.application.experiment.port.in.ExperimentDecisions;
import io.tandem.application.experiment.port.in.ExperimentReport;
import io.tandem.application.experiment.port.in.ShowExperimentQuery;
import io.tandem.application.experiment.port.in.ShowExperimentUseCase;
import io.tandem.application.experiment.port.in.VariantComparison;
import io.tandem.application.experiment.port.in.VariantFigures;
import io.tandem.application.experiment.port.out.ChangeExperimentPort;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.registry.port.in.PromoteModelVersionCommand;
import io.tandem.application.registry.port.in.PromoteModelVersionUseCase;
import io.tandem.application.registry.port.out.LoadExperimentDecisionsPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.RecordExperimentDecisionPort;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.ExperimentStatus;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.decision.DecisionOutcome;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.experiment.decision.VariantEvidence;
import io.tandem.domain.experiment.readout.GuardrailLimits;
import io.tandem.domain.experiment.statistics.Estimate;
import io.tandem.domain.experiment.statistics.Verdict;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionDecision;
import io.tandem.domain.model.PromotionPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides experiments from their read-out (ADR-0025, "Decision and promotion"). The read-out is
 * {@link ShowExperimentUseCase}'s, so deciding a running experiment is one more look at its always-valid test. For
 * each challenger pinning a version and not decided yet:
 * <ul>
 *   <li>the test ships, the guardrails hold and the version's registry record passes the {@link OfflineGate}: it is
 *       a winner; the winner with the largest difference is promoted through the registry's promote use case
 *       ({@link DecisionOutcome#PROMOTED}), any other ship is {@link DecisionOutcome#WON_NOT_PROMOTED};</li>
 *   <li>the test finds it worse: {@link DecisionOutcome#LOST}; any other stop (sample-ratio mismatch, a broken
 *       guardrail, no difference by the user horizon) is {@link DecisionOutcome#STOPPED};</li>
 *   <li>not decided yet: nothing is recorded, unless the experiment ends anyway (it was stopped, or another
 *       challenger was promoted), which records {@link DecisionOutcome#STOPPED}.</li>
 * </ul>
 * Each decision is recorded once beside the version, with its evidence, and the experiment is stopped once no
 * pinned challenger is left undecided. The promotion comes before the record, and the record before the stop, so a
 * decision interrupted anywhere is completed by the next one: promoting the champion again changes nothing, a record
 * is kept only once, and a stopped experiment whose challengers are all on record is answered from the record.
 */
public final class DecideExperimentService implements DecideExperimentUseCase {

    private static final double GUARDRAIL_CONFIDENCE = 0.95;

    private final LoadExperimentPort experiments;
    private final ShowExperimentUseCase show;
    private final ChangeExperimentPort change;
    private final LoadModelVersionsPort versions;
    private final PromoteModelVersionUseCase promote;
    private final RecordExperimentDecisionPort record;
    private final LoadExperimentDecisionsPort recorded;
    private final OfflineGate gate;
    private final GuardrailLimits guardrails;
    private final Clock clock;

    /**
     * @param offline    the registry's promotion policy, the offline gate a challenger's record must pass
     * @param guardrails the read-out's guardrail limits, recorded as held or broken with each decision
     */
    public DecideExperimentService(LoadExperimentPort experiments, ShowExperimentUseCase show,
                                   ChangeExperimentPort change, LoadModelVersionsPort versions,
                                   PromoteModelVersionUseCase promote, RecordExperimentDecisionPort record,
                                   LoadExperimentDecisionsPort recorded, PromotionPolicy offline,
                                   GuardrailLimits guardrails, Clock clock) {
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.show = Objects.requireNonNull(show, "show");
        this.change = Objects.requireNonNull(change, "change");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.promote = Objects.requireNonNull(promote, "promote");
        this.record = Objects.requireNonNull(record, "record");
        this.recorded = Objects.requireNonNull(recorded, "recorded");
        this.gate = new OfflineGate(offline);
        this.guardrails = Objects.requireNonNull(guardrails, "guardrails");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ExperimentDecisions> decide(DecideExperimentCommand command) {
        Optional<Experiment> found = experiments.loadExperiment(command.name());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Experiment experiment = found.get();
        if (experiment.status() == ExperimentStatus.DRAFT) {
            throw new ExperimentConflictException("status", "experiment '" + experiment.name() + "' is a draft; start "
                    + "it and let users see it before deciding");
        }
        if (experiment.pinnedChallengers().isEmpty()) {
            throw new ExperimentConflictException("variants", "no challenger of experiment '" + experiment.name()
                    + "' serves a registered version: there is no version to promote or to record a decision on");
        }
        Map<String, ExperimentDecision> done = decidedByChallenger(experiment);
        List<Variant> open = experiment.pinnedChallengers().stream()
                .filter(variant -> !done.containsKey(variant.name())).toList();
        List<String> pending = open.isEmpty() ? List.of() : decideOpen(command.name(), open);
        return Optional.of(finish(command.name(), pending));
    }

    /** Decides the open challengers on a fresh read-out; returns the reasons of those still undecided. */
    private List<String> decideOpen(String name, List<Variant> open) {
        ExperimentReport report = show.show(new ShowExperimentQuery(name))
                .orElseThrow(() -> new IllegalStateException("experiment '" + name + "' vanished while deciding"));
        Experiment experiment = report.experiment();
        Map<String, OnlineMetrics> totals = new HashMap<>();
        for (VariantFigures figures : report.groups()) {
            totals.put(figures.metrics().variant(), figures.metrics());
        }
        Map<String, VariantComparison> comparisons = new HashMap<>();
        report.comparisons().forEach(comparison -> comparisons.put(comparison.challenger(), comparison));
        Instant now = clock.instant();

        List<Judged> judged = new ArrayList<>();
        for (Variant variant : open) {
            VariantComparison comparison = comparisons.get(variant.name());
            ModelRef ref = ((VariantModel.Version) variant.model()).ref();
            boolean held = guardrailsHeld(totals, comparison);
            PromotionDecision offline = offlineGate(ref);
            judged.add(new Judged(variant, ref, comparison, held, offline));
        }
        Optional<Judged> winner = judged.stream()
                .filter(j -> j.comparison().verdict() == Verdict.SHIP && j.held() && j.offline().promote())
                .max(Comparator.comparingDouble(j -> j.comparison().difference().map(Estimate::value).orElse(0.0)));
        boolean ending = experiment.status() == ExperimentStatus.STOPPED || winner.isPresent();

        winner.ifPresent(w -> promote.promote(new PromoteModelVersionCommand(w.ref().name(), w.ref().version())));
        List<String> pending = new ArrayList<>();
        for (Judged j : judged) {
            Optional<Outcome> outcome = outcome(j, winner, ending);
            if (outcome.isEmpty()) {
                pending.add(j.variant().name() + ": " + String.join("; ", j.comparison().reasons()));
                continue;
            }
            record.recordDecision(evidence(experiment, j, outcome.get(), report, totals, now));
        }
        return pending;
    }

    /** What becomes of one judged challenger; empty while it stays undecided. */
    private static Optional<Outcome> outcome(Judged j, Optional<Judged> winner, boolean ending) {
        VariantComparison comparison = j.comparison();
        String readout = String.join("; ", comparison.reasons());
        if (comparison.verdict() == Verdict.SHIP) {
            if (winner.isPresent() && winner.get() == j) {
                return Optional.of(new Outcome(DecisionOutcome.PROMOTED, "won online and promoted: " + readout
                        + "; offline gate: " + j.offline().reason()));
            }
            String why = !j.offline().promote() ? "offline gate not passed: " + j.offline().reason()
                    : !j.held() ? "a guardrail is broken"
                    : "'" + winner.map(w -> w.variant().name()).orElse("?") + "' won by more and was promoted";
            return Optional.of(new Outcome(DecisionOutcome.WON_NOT_PROMOTED, "won online but not promoted, " + why
                    + ": " + readout));
        }
        if (comparison.verdict() == Verdict.STOP) {
            boolean lost = comparison.difference().isPresent() && comparison.test().verdict() == Verdict.STOP;
            return Optional.of(lost ? new Outcome(DecisionOutcome.LOST, "lost online: " + readout)
                    : new Outcome(DecisionOutcome.STOPPED, "stopped without a win: " + readout));
        }
        if (ending) {
            return Optional.of(new Outcome(DecisionOutcome.STOPPED, "the experiment ended before this challenger "
                    + "was decided: " + readout));
        }
        return Optional.empty();
    }

    private boolean guardrailsHeld(Map<String, OnlineMetrics> totals, VariantComparison comparison) {
        OnlineMetrics control = totals.get(comparison.control());
        OnlineMetrics challenger = totals.get(comparison.challenger());
        return control == null || challenger == null || guardrails.breaches(control.guardrails(),
                challenger.guardrails(), GUARDRAIL_CONFIDENCE).isEmpty();
    }

    private PromotionDecision offlineGate(ModelRef ref) {
        List<ModelVersion> all = versions.loadVersions(ref.name());
        Optional<ModelVersion> candidate = all.stream().filter(v -> v.version().equals(ref.version())).findFirst();
        if (candidate.isEmpty()) {
            throw all.isEmpty() ? ModelNotFoundException.unknownModel(ref.name())
                    : ModelNotFoundException.unknownVersion(ref.name(), ref.version());
        }
        return gate.check(candidate.get(), all.stream().filter(v -> v.stage() == ModelStage.CHAMPION).findFirst());
    }

    private static ExperimentDecision evidence(Experiment experiment, Judged j, Outcome outcome,
                                               ExperimentReport report, Map<String, OnlineMetrics> totals,
                                               Instant now) {
        VariantComparison comparison = j.comparison();
        return new ExperimentDecision(experiment.name(), j.ref(), outcome.outcome(), now, report.metric(),
                evidenceOf(totals, comparison.control(), report), evidenceOf(totals, comparison.challenger(), report),
                comparison.difference().map(d -> OptionalDouble.of(d.value())).orElse(OptionalDouble.empty()),
                comparison.test().interval(), comparison.test().pValue(), comparison.test().looks(),
                report.sampleRatio().alwaysValidPValue(), report.sampleRatio().mismatch(), j.held(),
                j.offline().promote(), outcome.reason());
    }

    private static VariantEvidence evidenceOf(Map<String, OnlineMetrics> totals, String group,
                                              ExperimentReport report) {
        OnlineMetrics metrics = totals.get(group);
        return metrics == null ? VariantEvidence.none(group) : VariantEvidence.of(metrics, report.metric());
    }

    /** Stops the experiment once nothing is pending, and answers with everything on record. */
    private ExperimentDecisions finish(String name, List<String> pending) {
        Experiment experiment = experiments.loadExperiment(name)
                .orElseThrow(() -> new IllegalStateException("experiment '" + name + "' vanished while deciding"));
        if (pending.isEmpty() && experiment.status() == ExperimentStatus.RUNNING) {
            try {
                experiment = change.changeExperiment(name, (running, all) -> running.stop(clock.instant()))
                        .orElse(experiment);
            } catch (ExperimentConflictException stoppedMeanwhile) {
                experiment = experiments.loadExperiment(name).orElse(experiment);
            }
        }
        return new ExperimentDecisions(experiment, recorded.loadExperimentDecisions(name), pending);
    }

    private Map<String, ExperimentDecision> decidedByChallenger(Experiment experiment) {
        Map<String, ExperimentDecision> byVersion = new HashMap<>();
        recorded.loadExperimentDecisions(experiment.name()).forEach(d -> byVersion.put(key(d.version()), d));
        Map<String, ExperimentDecision> byChallenger = new HashMap<>();
        for (Variant variant : experiment.pinnedChallengers()) {
            ExperimentDecision decision = byVersion.get(key(((VariantModel.Version) variant.model()).ref()));
            if (decision != null) {
                byChallenger.put(variant.name(), decision);
            }
        }
        return byChallenger;
    }

    private static String key(ModelRef ref) {
        return ref.name() + '\u0000' + ref.version();
    }

    /** One open challenger with what its decision rests on. */
    private record Judged(Variant variant, ModelRef ref, VariantComparison comparison, boolean held,
                          PromotionDecision offline) {
    }

    private record Outcome(DecisionOutcome outcome, String reason) {
    }
}
