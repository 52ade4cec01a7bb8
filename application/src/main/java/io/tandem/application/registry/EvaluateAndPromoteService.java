package io.tandem.application.registry;

import io.tandem.application.registry.port.in.EvaluateAndPromoteCommand;
import io.tandem.application.registry.port.in.EvaluateAndPromoteUseCase;
import io.tandem.application.registry.port.in.PromotionOutcome;
import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.registry.port.out.EvaluateModelVersionPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionDecision;
import io.tandem.domain.model.PromotionPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * Champion against challenger on the same hold-out: the champion's stored metrics are used when they are
 * from the challenger's hold-out, otherwise the champion is evaluated there first. The promotion is applied
 * only if the champion is still the one compared against, so a promotion made meanwhile (by an operator) is
 * never silently overridden.
 */
public final class EvaluateAndPromoteService implements EvaluateAndPromoteUseCase {

    private final LoadModelVersionsPort loadVersions;
    private final EvaluateModelVersionPort evaluate;
    private final ChangeModelStagesPort changeStages;
    private final PromotionPolicy policy;

    public EvaluateAndPromoteService(LoadModelVersionsPort loadVersions, EvaluateModelVersionPort evaluate,
                                     ChangeModelStagesPort changeStages, PromotionPolicy policy) {
        this.loadVersions = Objects.requireNonNull(loadVersions, "loadVersions");
        this.evaluate = Objects.requireNonNull(evaluate, "evaluate");
        this.changeStages = Objects.requireNonNull(changeStages, "changeStages");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public PromotionOutcome evaluateAndPromote(EvaluateAndPromoteCommand command) {
        ModelVersion challenger = loadVersions.loadVersion(command.name(), command.version())
                .orElseThrow(() -> loadVersions.loadVersions(command.name()).isEmpty()
                        ? ModelNotFoundException.unknownModel(command.name())
                        : ModelNotFoundException.unknownVersion(command.name(), command.version()));
        if (challenger.stage() == ModelStage.CHAMPION) {
            return new PromotionOutcome(new PromotionDecision(false, "version " + challenger.version()
                    + " is the champion already"), Optional.empty());
        }
        Optional<ModelVersion> champion = loadVersions.loadVersions(command.name()).stream()
                .filter(v -> v.stage() == ModelStage.CHAMPION)
                .findFirst();
        String holdOut = challenger.metrics().holdOut();
        Optional<ModelMetrics> championMetrics = champion.map(c -> c.metrics().holdOut().equals(holdOut)
                ? c.metrics()
                : evaluate.evaluate(c, holdOut));
        PromotionDecision decision = policy.decide(challenger.metrics(), championMetrics);
        if (!decision.promote()) {
            return new PromotionOutcome(decision, Optional.empty());
        }
        ChampionChange change = changeStages.promoteIfChampionIs(command.name(), command.version(),
                champion.map(ModelVersion::version));
        return new PromotionOutcome(decision, Optional.of(change));
    }
}
