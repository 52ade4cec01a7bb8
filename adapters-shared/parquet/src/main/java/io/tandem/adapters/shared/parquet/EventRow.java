package io.tandem.adapters.shared.parquet;

import com.jerolba.carpet.annotation.Alias;
import com.jerolba.carpet.annotation.NotNull;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.InvalidFieldException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One Parquet row of the lake's event table, column for column. {@code time} is the UTC wall-clock time
 * written as a plain (not UTC-adjusted) TIMESTAMP, so DuckDB reads a TIMESTAMP whose date matches the
 * {@code date=} partition whatever the session time zone.
 */
public record EventRow(
        @NotNull String id,
        @NotNull String type,
        @NotNull @Alias("user_id") String userId,
        @NotNull @Alias("item_id") String itemId,
        @NotNull LocalDateTime time,
        Double value,
        String surface,
        @Alias("request_id") String requestId,
        Integer position) {

    static EventRow of(Event event) {
        EventContext context = event.context();
        return new EventRow(
                event.id().value(),
                event.type().wireName(),
                event.user().value(),
                event.item().value(),
                // The lake keeps microseconds, DuckDB's own precision.
                LocalDateTime.ofInstant(event.time().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC),
                event.value().isPresent() ? event.value().getAsDouble() : null,
                context.surface().orElse(null),
                context.requestId().orElse(null),
                context.position().isPresent() ? context.position().getAsInt() : null);
    }

    /** Rebuilds the domain event through its constructors, so a damaged row fails like bad input would. */
    Event toEvent() {
        EventType eventType = EventType.fromWireName(type)
                .orElseThrow(() -> new InvalidFieldException("type", "unknown event type '" + type + "'"));
        Instant instant = time.toInstant(ZoneOffset.UTC);
        return new Event(new EventId(id), eventType, UserId.of(userId), ItemId.of(itemId), instant,
                value == null ? OptionalDouble.empty() : OptionalDouble.of(value),
                new EventContext(Optional.ofNullable(surface), Optional.ofNullable(requestId),
                        position == null ? OptionalInt.empty() : OptionalInt.of(position)));
    }
}
