package io.tandem.domain.interaction;

import io.tandem.domain.InvalidFieldException;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much each event type says about preference: positive for interest, negative for rejection, zero
 * for no signal. Ratings scale their weight by how far the rating sits above the scale's midpoint.
 */
public final class LabelWeights {

    private static final double RATING_MIDPOINT = 2.5;

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

    /** The label of one event: its type's weight, scaled for ratings (a 5 of 5 counts more than a 3). */
    public double labelOf(Event event) {
        double weight = weights.get(event.type());
        if (event.type() == EventType.RATING && event.value().isPresent()) {
            return weight * Math.max(0.0, event.value().getAsDouble() - RATING_MIDPOINT);
        }
        return weight;
    }
}
