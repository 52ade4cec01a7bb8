package io.tandem.application.experiment;

import io.tandem.application.catalog.port.out.CountCatalogPort;
import io.tandem.application.experiment.port.in.DecideExperimentCommand;
import io.tandem.application.experiment.port.in.ExperimentDecisions;
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
import io.tandem.domain.experiment.decision.DecisionOutcome;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.experiment.readout.GuardrailLimits;
import io.tandem.domain.experiment.readout.ReadoutPolicy;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionPolicy;
import io.tandem.domain.model.TrainingWindow;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deciding experiments: a clear winner that passed its offline gate is promoted once and its evidence recorded; a
 * winner that failed the gate, a loser and a stopped experiment are recorded without promotion; an undecided one is
 * left running; deciding again changes nothing; drafts and experiments without a pinned challenger are refused.
 */
class DecideExperimentServiceTest {

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
    private final Registry registry = new Registry();
    private final Decisions decisions = new Decisions();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DecideExperimentService decide = new DecideExperimentService(store,
            new ShowExperimentService(store, store, store, store, CATALOG, POLICY, clock), store, registry,
            registry, decisions, decisions, new PromotionPolicy("ndcg@10", 0.0), GuardrailLimits.DEFAULT, clock);

    @Test
    void aClearWinnerThatPassedItsOfflineGateIsPromotedOnceWithItsEvidence() {
        running("ab-1", "v-better", true);
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.05, "b", 0.15), 400, 11));

        ExperimentDecisions decided = decide.decide(new DecideExperimentCommand("ab-1")).orElseThrow();

        assertThat(decided.decided()).isTrue();
        assertThat(decided.experiment().status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(registry.promotions).containsExactly("v-better");
        assertThat(registry.stage("v-better")).isEqualTo(ModelStage.CHAMPION);
        ExperimentDecision decision = decided.decisions().get(0);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.PROMOTED);
        assertThat(decision.version().version()).isEqualTo("v-better");
        assertThat(decision.decidedAt()).isEqualTo(NOW);
        assertThat(decision.control().variant()).isEqualTo("a");
        assertThat(decision.control().users()).isEqualTo(400);
        assertThat(decision.control().metricInterval().contains(0.05)).isTrue();
        assertThat(decision.challenger().metric()).isGreaterThan(decision.control().metric());
        assertThat(decision.difference().getAsDouble()).isPositive();
        assertThat(decision.alwaysValidInterval().low()).isPositive();
        assertThat(decision.alwaysValidPValue()).isLessThan(0.05);
        assertThat(decision.looks()).isEqualTo(1);
        assertThat(decision.offlineGatePassed()).isTrue();
        assertThat(decision.guardrailsHeld()).isTrue();
        assertThat(decision.sampleRatioMismatch()).isFalse();
        assertThat(decision.reason()).contains("offline ndcg@10");

        ExperimentDecisions again = decide.decide(new DecideExperimentCommand("ab-1")).orElseThrow();
        assertThat(again.decisions()).containsExactly(decision);
        assertThat(registry.promotions).as("promoted once").hasSize(1);
    }

    @Test
    void aWinnerWhoseOfflineGateFailedIsRecordedAndNotPromoted() {
        running("ab-1", "v-worse", false);
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.05, "b", 0.15), 400, 11));

        ExperimentDecision decision = decide.decide(new DecideExperimentCommand("ab-1")).orElseThrow()
                .decisions().get(0);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.WON_NOT_PROMOTED);
        assertThat(decision.offlineGatePassed()).isFalse();
        assertThat(decision.reason()).contains("offline gate not passed").contains("does not beat");
        assertThat(registry.promotions).isEmpty();
        assertThat(store.loadExperiment("ab-1").orElseThrow().status()).isEqualTo(ExperimentStatus.STOPPED);
    }

    @Test
    void aClearLoserIsRecordedAsLostAndTheChampionStays() {
        running("ab-1", "v-better", true);
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.15, "b", 0.05), 400, 11));

        ExperimentDecision decision = decide.decide(new DecideExperimentCommand("ab-1")).orElseThrow()
                .decisions().get(0);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.LOST);
        assertThat(decision.alwaysValidInterval().high()).isNegative();
        assertThat(registry.promotions).isEmpty();
        assertThat(registry.stage("v1")).isEqualTo(ModelStage.CHAMPION);
        assertThat(decisions.loadModelDecisions("two-stage")).containsExactly(decision);
    }

    @Test
    void anUndecidedExperimentKeepsRunningWithNothingRecordedUntilItIsStopped() {
        running("ab-1", "v-better", true);
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.1, "b", 0.1), 20, 11));

        ExperimentDecisions pending = decide.decide(new DecideExperimentCommand("ab-1")).orElseThrow();

        assertThat(pending.decided()).isFalse();
        assertThat(pending.pending()).singleElement().asString().startsWith("b: ").contains("needed before a look");
        assertThat(pending.experiment().status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(decisions.loadExperimentDecisions("ab-1")).isEmpty();

        store.changeExperiment("ab-1", (running, all) -> running.stop(NOW));
        ExperimentDecision stopped = decide.decide(new DecideExperimentCommand("ab-1")).orElseThrow()
                .decisions().get(0);
        assertThat(stopped.outcome()).isEqualTo(DecisionOutcome.STOPPED);
        assertThat(stopped.reason()).startsWith("the experiment ended before this challenger was decided");
        assertThat(registry.promotions).isEmpty();
    }

    @Test
    void draftsUnknownNamesAndExperimentsWithoutAPinnedChallengerAreRefused() {
        store.saveExperiment(draft("ab-1", "v-better", false));
        store.saveExperiment(ExperimentFixture.draft("plain"));
        store.changeExperiment("plain", (draft, all) -> draft.start(NOW, List.of()));

        assertThatThrownBy(() -> decide.decide(new DecideExperimentCommand("ab-1")))
                .isInstanceOfSatisfying(ExperimentConflictException.class, e -> assertThat(e.field())
                        .isEqualTo("status"));
        assertThatThrownBy(() -> decide.decide(new DecideExperimentCommand("plain")))
                .isInstanceOfSatisfying(ExperimentConflictException.class, e -> assertThat(e.field())
                        .isEqualTo("variants"));
        assertThat(decide.decide(new DecideExperimentCommand("unknown"))).isEmpty();
        assertThat(registry.promotions).isEmpty();
    }

    @Test
    void thePeriodicCheckDecidesOnlyRunningExperimentsThatMayPromote() {
        running("auto", "v-better", true);
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("auto", Map.of("a", 0.05, "b", 0.15), 400, 11));
        Experiment manual = draft("manual", "v-better", false);
        store.saveExperiment(manual);
        store.changeExperiment("manual", (draft, all) -> draft.start(NOW, List.of()));

        List<ExperimentDecisions> decided = new DecideAutoPromotedExperimentsService(store, decide)
                .decideAutoPromoted();

        assertThat(decided).extracting(d -> d.experiment().name()).containsExactly("auto");
        assertThat(registry.promotions).containsExactly("v-better");
        assertThat(store.loadExperiment("manual").orElseThrow().status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(new DecideAutoPromotedExperimentsService(store, decide).decideAutoPromoted())
                .as("a decided experiment is stopped, so the next check has nothing to do").isEmpty();
    }

    @Test
    void theOfflineGateReadsTheRegistryRecord() {
        OfflineGate gate = new OfflineGate(new PromotionPolicy("ndcg@10", 0.01));
        ModelVersion champion = registry.version("v1");
        assertThat(gate.check(registry.version("v-better"), Optional.of(champion)).promote()).isTrue();
        assertThat(gate.check(registry.version("v-worse"), Optional.of(champion)).promote()).isFalse();
        assertThat(gate.check(registry.version("v-worse"), Optional.empty()).promote()).as("no champion").isTrue();
        ModelVersion elsewhere = Registry.version("v-other", ModelStage.CANDIDATE, "other-hold-out", 0.9, Map.of());
        assertThat(gate.check(elsewhere, Optional.of(champion)).reason()).contains("compare them offline first");
        ModelVersion refit = Registry.version("v-refit", ModelStage.CANDIDATE, "other-hold-out", 0.1,
                Map.of("refit", "true"));
        assertThat(gate.check(refit, Optional.of(champion)).promote()).as("training found it better than its parent")
                .isTrue();
        assertThat(gate.check(refit.withStage(ModelStage.ARCHIVED), Optional.of(champion)).promote()).isFalse();
    }

    private void running(String name, String challenger, boolean autoPromote) {
        store.saveExperiment(draft(name, challenger, autoPromote));
        store.changeExperiment(name, (draft, all) -> draft.start(NOW.minusSeconds(86_400), all));
    }

    private static Experiment draft(String name, String challenger, boolean autoPromote) {
        return Experiment.draft(name, Optional.empty(), Optional.empty(), List.of(
                Variant.of("a", 0.5, VariantModel.champion()),
                Variant.of("b", 0.5, VariantModel.version("two-stage", challenger))), OptionalDouble.empty(),
                autoPromote);
    }

    /** Versions v1 (champion, ndcg@10 0.30), v-better (0.35) and v-worse (0.25), all on one hold-out. */
    private static final class Registry implements LoadModelVersionsPort, PromoteModelVersionUseCase {

        private final Map<String, ModelVersion> versions = new LinkedHashMap<>();
        private final List<String> promotions = new ArrayList<>();

        Registry() {
            for (ModelVersion v : List.of(version("v-worse", ModelStage.CANDIDATE, "temporal", 0.25, Map.of()),
                    version("v-better", ModelStage.CANDIDATE, "temporal", 0.35, Map.of()),
                    version("v1", ModelStage.CHAMPION, "temporal", 0.30, Map.of()))) {
                versions.put(v.version(), v);
            }
        }

        static ModelVersion version(String version, ModelStage stage, String holdOut, double ndcg,
                                    Map<String, String> metadata) {
            return new ModelVersion("two-stage", version, ModelKind.RANKER, stage,
                    new ModelMetrics(holdOut, Map.of("ndcg@10", ndcg)),
                    Optional.of(new FeatureSchema("s1", List.of("f"))),
                    URI.create("file:///models/two-stage/" + version), new TrainingWindow(NOW.minusSeconds(9_000),
                    NOW.minusSeconds(3_600)), version.equals("v1") ? Optional.empty() : Optional.of("v1"),
                    NOW.minusSeconds(3_000), metadata);
        }

        ModelVersion version(String version) {
            return versions.get(version);
        }

        ModelStage stage(String version) {
            return versions.get(version).stage();
        }

        @Override
        public Optional<ModelVersion> loadVersion(String name, String version) {
            return Optional.ofNullable(versions.get(version));
        }

        @Override
        public List<ModelVersion> loadVersions(String name) {
            return name.equals("two-stage") ? List.copyOf(versions.values()) : List.of();
        }

        @Override
        public Optional<ModelVersion> loadPreviousChampion(String name) {
            return Optional.empty();
        }

        @Override
        public ChampionChange promote(PromoteModelVersionCommand command) {
            promotions.add(command.version());
            ModelVersion old = versions.values().stream().filter(v -> v.stage() == ModelStage.CHAMPION).findFirst()
                    .orElseThrow();
            versions.put(old.version(), old.withStage(ModelStage.ARCHIVED));
            ModelVersion champion = versions.get(command.version()).withStage(ModelStage.CHAMPION);
            versions.put(champion.version(), champion);
            return new ChampionChange(champion, Optional.of(versions.get(old.version())));
        }
    }

    /** Decisions kept in a list, one per experiment and version. */
    private static final class Decisions implements RecordExperimentDecisionPort, LoadExperimentDecisionsPort {

        private final List<ExperimentDecision> recorded = new ArrayList<>();

        @Override
        public boolean recordDecision(ExperimentDecision decision) {
            if (recorded.stream().anyMatch(d -> d.experiment().equals(decision.experiment())
                    && d.version().equals(decision.version()))) {
                return false;
            }
            return recorded.add(decision);
        }

        @Override
        public List<ExperimentDecision> loadModelDecisions(String model) {
            return recorded.stream().filter(d -> d.version().name().equals(model)).toList();
        }

        @Override
        public List<ExperimentDecision> loadExperimentDecisions(String experiment) {
            return recorded.stream().filter(d -> d.experiment().equals(experiment)).toList();
        }
    }
}
