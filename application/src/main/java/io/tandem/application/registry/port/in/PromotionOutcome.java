package io.tandem.application.registry.port.in;

import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.PromotionDecision;

import java.util.Objects;
import java.util.Optional;

/** What came of a challenge: the policy's decision and, when it promoted, the change made. */
public record PromotionOutcome(PromotionDecision decision, Optional<ChampionChange> change) {

    public PromotionOutcome {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(change, "change");
        if (decision.promote() != change.isPresent()) {
            throw new IllegalArgumentException("a change is made exactly when the decision is to promote");
        }
    }
}
