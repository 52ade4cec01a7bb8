package io.tandem.domain.interaction;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One validated user action. {@code value} carries the rating, the dwell seconds of a view or the price
 * of a purchase; {@link #validate} enforces which types need it.
 *
 * <p>Every event is applicable by every consumer of the log (ADR-0019): its time lies in years 1583 to 9999
 * ({@link TimeWindow#requireRepresentable}), which every store represents alike (an ISO-8601 year of four digits,
 * Parquet microseconds, database timestamps, millisecond durations between any two events), its value is bounded,
 * and its ids and context are canonical text. Submissions are held to a narrower, configurable {@link TimeWindow}
 * on top.
 */
public record Event(EventId id, EventType type, UserId user, ItemId item, Instant time, OptionalDouble value,
                    EventContext context) {

    /** Ratings are expected on a 0–10 scale at most (MovieLens uses 1–5). */
    public static final double MAX_RATING = 10.0;
    /** The largest magnitude of a value: far above any price or dwell time, far below where sums lose meaning. */
    public static final double MAX_VALUE = 1e12;

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(context, "context");
        TimeWindow.requireRepresentable("time", time);
        validate(type, value);
    }

    private static void validate(EventType type, OptionalDouble value) {
        if (value.isPresent() && !(Math.abs(value.getAsDouble()) <= MAX_VALUE)) {
            throw new InvalidFieldException("value", "must be a finite number of magnitude at most 1e12");
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
