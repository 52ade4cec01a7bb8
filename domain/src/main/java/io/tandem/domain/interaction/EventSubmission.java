package io.tandem.domain.interaction;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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

    /** Events may be stamped at most this far ahead of the receiving clock (clock skew, not time travel). */
    Duration MAX_CLOCK_SKEW = Duration.ofHours(24);

    /** Validates against the receiving moment, which also stamps events that carry no time. */
    EventValidation validate(Instant receivedAt);

    /**
     * The textual fields of a submission; null or blank means absent. {@code time} is ISO-8601 (with zone or
     * offset) or epoch milliseconds; {@code value} and {@code position} are decimal text.
     */
    record Fields(String id, String type, String userId, String itemId, String time, String value,
                  String surface, String requestId, String position) implements EventSubmission {

        @Override
        public EventValidation validate(Instant receivedAt) {
            try {
                EventType eventType = parseType(type);
                UserId user = new UserId(userId);
                ItemId item = new ItemId(itemId);
                Instant at = parseTime(time, receivedAt);
                OptionalDouble parsedValue = parseValue(value);
                EventContext context = new EventContext(Optional.ofNullable(surface), Optional.ofNullable(requestId),
                        parsePosition(position));
                EventId eventId = isAbsent(id) ? derivedId(eventType, user, item, at, parsedValue) : new EventId(id);
                return new EventValidation.Valid(new Event(eventId, eventType, user, item, at, parsedValue, context));
            } catch (InvalidFieldException e) {
                return new EventValidation.Invalid(e.field(), e.reason());
            }
        }

        private static EventType parseType(String type) {
            if (isAbsent(type)) {
                throw new InvalidFieldException("type", "is required; one of " + EventType.WIRE_NAMES);
            }
            return EventType.fromWireName(type).orElseThrow(() -> new InvalidFieldException("type",
                    "unknown event type '" + type.strip() + "'; expected one of " + EventType.WIRE_NAMES));
        }

        private static Instant parseTime(String time, Instant receivedAt) {
            if (isAbsent(time)) {
                return receivedAt;
            }
            String text = time.strip();
            Instant at;
            if (text.chars().allMatch(Character::isDigit) && text.length() <= 15) {
                at = Instant.ofEpochMilli(Long.parseLong(text));
            } else {
                try {
                    at = OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidFieldException("time", "cannot parse '" + text
                            + "'; expected ISO-8601 with offset (2026-11-21T09:30:00Z) or epoch milliseconds");
                }
            }
            if (at.isAfter(receivedAt.plus(MAX_CLOCK_SKEW))) {
                throw new InvalidFieldException("time", "is more than 24 hours in the future");
            }
            return at;
        }

        private static OptionalDouble parseValue(String value) {
            if (isAbsent(value)) {
                return OptionalDouble.empty();
            }
            try {
                return OptionalDouble.of(Double.parseDouble(value.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("value", "must be a number");
            }
        }

        private static OptionalInt parsePosition(String position) {
            if (isAbsent(position)) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(position.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("context.position", "must be a whole number");
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

        private static boolean isAbsent(String text) {
            return text == null || text.isBlank();
        }
    }

    /** A record the input adapter could not even read as an event (wrong JSON type, broken line, ...). */
    record Unreadable(String field, String message) implements EventSubmission {

        @Override
        public EventValidation validate(Instant receivedAt) {
            return new EventValidation.Invalid(field, message);
        }
    }
}
