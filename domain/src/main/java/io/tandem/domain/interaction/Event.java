package io.tandem.domain.interaction;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One validated user action. {@code value} carries the rating, the dwell seconds of a view or the price
 * of a purchase; {@link #validate} enforces which types need it.
 */
public record Event(EventId id, EventType type, UserId user, ItemId item, Instant time, OptionalDouble value,
                    EventContext context) {

    /** Ratings are expected on a 0–10 scale at most (MovieLens uses 1–5). */
    public static final double MAX_RATING = 10.0;

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(context, "context");
        validate(type, value);
    }

    private static void validate(EventType type, OptionalDouble value) {
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new InvalidFieldException("value", "must be a finite number");
        }
        switch (type) {
            case RATING -> {
                if (value.isEmpty()) {
                    throw new InvalidFieldException("value", "is required for a rating");
                }
                double rating = value.getAsDouble();
                if (rating < 0 || rating > MAX_RATING) {
                    throw new InvalidFieldException("value", "a rating must be between 0 and " + MAX_RATING);
                }
            }
            case VIEW, PURCHASE, ADD_TO_CART -> {
                if (value.isPresent() && value.getAsDouble() < 0) {
                    throw new InvalidFieldException("value", "must not be negative for " + type.wireName());
                }
            }
            default -> {
                // Other types carry no value rule.
            }
        }
    }
}
