package io.tandem.application.registry.port.in;

/**
 * Compares a registered candidate with its model's champion on the candidate's hold-out (evaluating the
 * champion there when its own metrics are from another) and promotes the candidate only when the promotion
 * policy says it wins.
 */
@FunctionalInterface
public interface EvaluateAndPromoteUseCase {

    /** @throws io.tandem.domain.model.ModelNotFoundException for an unknown model or version */
    PromotionOutcome evaluateAndPromote(EvaluateAndPromoteCommand command);
}
