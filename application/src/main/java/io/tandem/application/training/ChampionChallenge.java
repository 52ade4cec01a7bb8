package io.tandem.application.training;

import io.tandem.application.registry.EvaluateAndPromoteService;
import io.tandem.application.registry.port.in.EvaluateAndPromoteCommand;
import io.tandem.application.registry.port.in.PromotionOutcome;
import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionDecision;
import io.tandem.domain.model.PromotionPolicy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A training run's candidate against the champion of the moment (ADR-0016, ADR-0022): whether the policy would
 * promote it (which decides the refit), and the promotion decision itself, both measuring the champion on the
 * run's hold-out when its stored metrics come from another. With {@link PromotionMode#EXPERIMENT} a candidate that
 * passes the gate while a champion serves stays a candidate, for an experiment to decide.
 */
final class ChampionChallenge {

    private final LoadModelVersionsPort loadVersions;
    private final ChangeModelStagesPort changeStages;
    private final PromotionPolicy policy;
    private final PromotionMode mode;

    ChampionChallenge(LoadModelVersionsPort loadVersions, ChangeModelStagesPort changeStages, PromotionPolicy policy,
                      PromotionMode mode) {
        this.loadVersions = Objects.requireNonNull(loadVersions, "loadVersions");
        this.changeStages = Objects.requireNonNull(changeStages, "changeStages");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * Whether the policy would promote these metrics over the champion of the moment, measuring the champion on
     * this hold-out when its stored metrics come from another; a champion that cannot be measured here keeps its
     * place, as {@link #challenge} will decide.
     */
    boolean wouldPromote(ModelMetrics metrics, Optional<ModelVersion> champion, HoldOutEvaluation holdOut) {
        if (champion.isEmpty()) {
            return true;
        }
        ModelVersion current = champion.get();
        try {
            ModelMetrics championMetrics = current.metrics().holdOut().equals(metrics.holdOut())
                    ? current.metrics()
                    : holdOut.evaluate(current, metrics.holdOut());
            return policy.decide(metrics, Optional.of(championMetrics)).promote();
        } catch (InvalidFieldException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The policy's decision through {@link EvaluateAndPromoteService}, measuring the champion on this run's
     * hold-out when needed; a champion that cannot be compared keeps its place. {@code passedGate} is what
     * {@link #wouldPromote} said: in {@link PromotionMode#EXPERIMENT} such a candidate is left for an experiment
     * while a champion serves.
     */
    PromotionOutcome challenge(ModelVersion candidate, HoldOutEvaluation holdOut, boolean passedGate) {
        Optional<ModelVersion> champion = championOf(loadVersions.loadVersions(candidate.name()));
        if (mode == PromotionMode.EXPERIMENT && passedGate && champion.isPresent()) {
            return new PromotionOutcome(new PromotionDecision(false, "passed the offline gate against champion "
                    + champion.get().version() + "; left as a candidate for an experiment to decide "
                    + "(tandem.training.promotion.mode: experiment)"), Optional.empty());
        }
        EvaluateAndPromoteService challenge = new EvaluateAndPromoteService(loadVersions, holdOut, changeStages,
                policy);
        try {
            return challenge.evaluateAndPromote(new EvaluateAndPromoteCommand(candidate.name(), candidate.version()));
        } catch (InvalidFieldException | ModelConflictException | UncheckedIOException e) {
            return new PromotionOutcome(new PromotionDecision(false, "kept as a candidate: the champion could not "
                    + "be compared with it (" + e.getMessage() + "); promote it by hand if it should serve"),
                    Optional.empty());
        }
    }

    static Optional<ModelVersion> championOf(List<ModelVersion> versions) {
        return versions.stream().filter(v -> v.stage() == ModelStage.CHAMPION).findFirst();
    }
}
