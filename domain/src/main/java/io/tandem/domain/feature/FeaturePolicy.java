package io.tandem.domain.feature;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.LabelWeights;

import java.time.Duration;
import java.util.Set;

/**
 * The one place that decides how an event changes online features. The live consumer and offline replay
 * both call it, so training sees exactly the features serving would have seen.
 *
 * @param recentItemsCap how many recent items and positive interactions are kept per user (the seen filter
 *                       remembers every item a user acted on, whatever this cap)
 */
public record FeaturePolicy(LabelWeights labelWeights, Duration popularityHalfLife, int recentItemsCap) {

    public FeaturePolicy {
        if (labelWeights == null) {
            throw new InvalidFieldException("label-weights", "is required");
        }
        if (popularityHalfLife == null || popularityHalfLife.isZero() || popularityHalfLife.isNegative()) {
            throw new InvalidFieldException("popularity-half-life", "must be a positive duration");
        }
        if (recentItemsCap < 1) {
            throw new InvalidFieldException("recent-items-cap", "must be 1 or more");
        }
    }

    public static FeaturePolicy defaults() {
        return new FeaturePolicy(LabelWeights.defaults(), Duration.ofDays(7), 500);
    }

    /**
     * The change {@code event} makes: positive feedback raises the item's popularity (negative feedback never
     * lowers it below what others gave it, so it adds nothing), and any action other than an impression
     * marks the item as seen by the user.
     *
     * @param itemCategories the item's categories as the catalog knows them (empty when it does not)
     */
    public FeatureUpdate updateFor(Event event, Set<String> itemCategories) {
        double label = labelWeights.labelOf(event);
        return new FeatureUpdate(event.id(), event.type(), event.user(), event.item(), event.time(),
                Math.max(0.0, label), event.type().isInteraction(), itemCategories);
    }
}
