package io.tandem.domain.interaction;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * An event as it arrived, before validation: every input path (HTTP, Kafka, files) turns its records into
 * submissions and lets {@link #validate} decide, so all of them accept and refuse exactly the same things.
 */
public sealed interface EventSubmission {

    /**
     * Validates against the receiving moment, which also stamps events that carry no time, and the window of times
     * accepted (ADR-0019).
     */
    EventValidation validate(TimeWindow window, Instant receivedAt);

    /**
     * The textual fields of a submission; null means absent, and every other value is judged as given (never
     * trimmed, never case-folded). {@code time} is ISO-8601 with a zone or offset; {@code value} and
     * {@code position} are decimal text.
     */
    record Fields(String id, String type, String userId, String itemId, String time, String value,
                  String surface, String requestId, String position) implements EventSubmission {

        @Override
        public EventValidation validate(TimeWindow window, Instant receivedAt) {
            try {
                EventType eventType = parseType(type);
                UserId user = new UserId(userId);
                ItemId item = new ItemId(itemId);
                Instant at = time == null ? receivedAt : window.check("time", parseTime(time), receivedAt);
                OptionalDouble parsedValue = parseValue(value);
                EventContext context = new EventContext(Optional.ofNullable(surface), Optional.ofNullable(requestId),
                        parsePosition(position));
                EventId eventId = id == null ? derivedId(eventType, user, item, at, parsedValue) : new EventId(id);
                return new EventValidation.Valid(new Event(eventId, eventType, user, item, at, parsedValue, context));
            } catch (InvalidFieldException e) {
                return new EventValidation.Invalid(e.field(), e.reason());
            }
        }

        private static EventType parseType(String type) {
            if (type == null || type.isEmpty()) {
                throw new InvalidFieldException("type", "is required; one of " + EventType.WIRE_NAMES);
            }
            return EventType.fromWireName(type).orElseThrow(() -> new InvalidFieldException("type",
                    "unknown event type '" + CanonicalText.excerpt(type) + "'; expected one of " + EventType.WIRE_NAMES));
        }

        private static Instant parseTime(String time) {
            Instant usual = UtcTimeText.parse(time);
            if (usual != null) {
                return usual;
            }
            try {
                return OffsetDateTime.parse(time).toInstant();
            } catch (DateTimeParseException e) {
                String hint = !time.isEmpty() && time.length() <= 20 && time.chars().allMatch(Character::isDigit)
                        ? "; epoch milliseconds go as a number, not as text"
                        : "";
                throw new InvalidFieldException("time", "cannot parse '" + CanonicalText.excerpt(time)
                        + "'; expected ISO-8601 with offset (2026-11-21T09:30:00Z)" + hint);
            }
        }

        private static OptionalDouble parseValue(String value) {
            if (value == null) {
                return OptionalDouble.empty();
            }
            // Double.parseDouble would trim " 4" into 4; a value is judged as given.
            if (value.isEmpty() || value.strip().length() != value.length()) {
                throw new InvalidFieldException("value", "must be a number");
            }
            try {
                return OptionalDouble.of(Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("value", "must be a number");
            }
        }

        private static OptionalInt parsePosition(String position) {
            if (position == null) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(position));
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("context.position", "must be a whole number between 1 and "
                        + EventContext.MAX_POSITION);
            }
        }

        /**
         * An event without an id gets one derived from its content, so a client that retries the same event
         * (same type, user, item, time and value) is still counted once.
         */
        private static EventId derivedId(EventType type, UserId user, ItemId item, Instant at, OptionalDouble value) {
            String content = String.join("\u001f", type.wireName(), user.value(), item.value(), at.toString(),
                    value.isPresent() ? Double.toString(value.getAsDouble()) : "");
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
                return new EventId("auto-" + HexFormat.of().formatHex(digest, 0, 16));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }
    }

    /** A record the input adapter could not even read as an event (wrong JSON type, broken line, ...). */
    record Unreadable(String field, String message) implements EventSubmission {

        @Override
        public EventValidation validate(TimeWindow window, Instant receivedAt) {
            return new EventValidation.Invalid(field, message);
        }
    }
}
