package io.tandem.domain.interaction;

import io.tandem.domain.InvalidFieldException;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much each event type says about preference: positive for interest, negative for rejection, zero
 * for no signal. A rating is an interaction valued at its rating: whoever rated an item engaged with it, and
 * a 5 counts five times a 1. This is what {@code tandem evaluate} trains on, so the served model learns from
 * the same interactions as the measured one (issue 10: reading ratings below the midpoint as "no signal" cost
 * the served model a sixth of the MovieLens ratings and most of its gap to the offline figure).
 */
public final class LabelWeights {

    private final Map<EventType, Double> weights;

    private LabelWeights(Map<EventType, Double> weights) {
        this.weights = weights;
    }

    /** Sensible defaults: a purchase says more than a click, a hide says "never again". */
    public static LabelWeights defaults() {
        Map<EventType, Double> weights = new EnumMap<>(EventType.class);
        weights.put(EventType.IMPRESSION, 0.0);
        weights.put(EventType.CLICK, 1.0);
        weights.put(EventType.VIEW, 1.0);
        weights.put(EventType.ADD_TO_CART, 2.0);
        weights.put(EventType.PURCHASE, 4.0);
        weights.put(EventType.SKIP, -0.5);
        weights.put(EventType.LIKE, 2.0);
        weights.put(EventType.DISLIKE, -2.0);
        weights.put(EventType.RATING, 1.0);
        weights.put(EventType.HIDE, -4.0);
        return new LabelWeights(weights);
    }

    /** The defaults with some types overridden, for example from configuration. */
    public LabelWeights with(Map<EventType, Double> overrides) {
        Map<EventType, Double> merged = new EnumMap<>(weights);
        overrides.forEach((type, weight) -> {
            Objects.requireNonNull(type, "type");
            if (weight == null || !Double.isFinite(weight)) {
                throw new InvalidFieldException("label-weights." + type.wireName(), "must be a finite number");
            }
            merged.put(type, weight);
        });
        return new LabelWeights(merged);
    }

    public double weightOf(EventType type) {
        return weights.get(type);
    }

    /**
     * The label of one event: its type's weight, times the rating for ratings (a 5 counts more than a 3; a
     * rating of zero or below says nothing).
     */
    public double labelOf(Event event) {
        double weight = weights.get(event.type());
        if (event.type() == EventType.RATING && event.value().isPresent()) {
            return weight * Math.max(0.0, event.value().getAsDouble());
        }
        return weight;
    }
}
