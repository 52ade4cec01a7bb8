package io.tandem.application.experiment;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionDecision;
import io.tandem.domain.model.PromotionPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a challenger's registry record passed the offline gate, the same one training promotes by: its offline
 * metric beats the champion's on the same hold-out under the {@link PromotionPolicy}. Training compares a new
 * version with the champion of its moment on its own hold-out and refits exactly the versions that win (ADR-0022),
 * so a record whose {@code refit} is {@code true} and whose parent is still the champion passed the gate too, even
 * when the champion's own metrics come from an older hold-out.
 */
final class OfflineGate {

    /** The metadata key training sets to {@code true} for a version that beat the champion of its moment. */
    static final String REFIT = "refit";

    private final PromotionPolicy policy;

    OfflineGate(PromotionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The gate's verdict on {@code candidate} against {@code champion}, with the reason in words. */
    PromotionDecision check(ModelVersion candidate, Optional<ModelVersion> champion) {
        if (candidate.stage() == ModelStage.CHAMPION) {
            return new PromotionDecision(true, "version " + candidate.version() + " is the champion already");
        }
        if (candidate.stage() == ModelStage.ARCHIVED) {
            return new PromotionDecision(false, "version " + candidate.version() + " is archived (it served and was "
                    + "replaced or rolled back); promote it by hand if it should serve again");
        }
        if (champion.isEmpty()) {
            return new PromotionDecision(true, "there is no champion to beat offline");
        }
        ModelVersion current = champion.get();
        if ("true".equals(candidate.metadata().get(REFIT))
                && candidate.parent().equals(Optional.of(current.version()))) {
            return new PromotionDecision(true, "training found it better than champion " + current.version()
                    + " on its hold-out " + candidate.metrics().holdOut());
        }
        if (!current.metrics().holdOut().equals(candidate.metrics().holdOut())) {
            return new PromotionDecision(false, "measured on '" + candidate.metrics().holdOut() + "', champion "
                    + current.version() + " on '" + current.metrics().holdOut() + "', and no training run found it "
                    + "better than that champion: compare them offline first");
        }
        try {
            PromotionDecision decision = policy.decide(candidate.metrics(), Optional.of(current.metrics()));
            return new PromotionDecision(decision.promote(), "offline " + decision.reason());
        } catch (InvalidFieldException e) {
            return new PromotionDecision(false, "offline comparison impossible: " + e.getMessage());
        }
    }
}
