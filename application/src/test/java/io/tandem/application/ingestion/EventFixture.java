package io.tandem.application.ingestion;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Builds valid events for tests, fluently: a click of {@code u-1} on {@code i-1} at {@link #T0} with neither value nor
 * context unless a method says otherwise. A test names the values its assertions depend on; the rest stay defaults.
 * Ids come from {@link #anEvent(String)} or from a {@link Sequence}, whose ids are the same on every run.
 */
public final class EventFixture {

    /** The default event time. */
    public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private String id;
    private EventType type = EventType.CLICK;
    private String user = "u-1";
    private String item = "i-1";
    private Instant time = T0;
    private OptionalDouble value = OptionalDouble.empty();
    private Optional<String> surface = Optional.empty();
    private Optional<String> requestId = Optional.empty();
    private OptionalInt position = OptionalInt.empty();

    private EventFixture(String id) {
        this.id = id;
    }

    /** An event with the id {@code e-1}. */
    public static EventFixture anEvent() {
        return new EventFixture("e-1");
    }

    public static EventFixture anEvent(String id) {
        return new EventFixture(id);
    }

    /** Numbered event ids, {@code <prefix>1}, {@code <prefix>2}, ...: the same on every run. */
    public static final class Sequence {

        private final String prefix;
        private int next;

        public Sequence(String prefix) {
            this.prefix = prefix;
        }

        /** A new event with the next id. */
        public EventFixture next() {
            return anEvent(prefix + ++next);
        }
    }

    public EventFixture id(String eventId) {
        this.id = eventId;
        return this;
    }

    public EventFixture type(EventType eventType) {
        this.type = eventType;
        return this;
    }

    public EventFixture user(String userId) {
        this.user = userId;
        return this;
    }

    public EventFixture item(String itemId) {
        this.item = itemId;
        return this;
    }

    public EventFixture at(Instant at) {
        this.time = at;
        return this;
    }

    /** @param iso an instant as {@link Instant#parse} reads it, such as {@code 2024-03-01T10:00:00Z} */
    public EventFixture at(String iso) {
        return at(Instant.parse(iso));
    }

    public EventFixture value(double eventValue) {
        this.value = OptionalDouble.of(eventValue);
        return this;
    }

    public EventFixture value(OptionalDouble eventValue) {
        this.value = eventValue;
        return this;
    }

    public EventFixture surface(String onSurface) {
        this.surface = Optional.of(onSurface);
        return this;
    }

    public EventFixture requestId(String request) {
        this.requestId = Optional.of(request);
        return this;
    }

    public EventFixture position(int at) {
        this.position = OptionalInt.of(at);
        return this;
    }

    public EventFixture context(EventContext context) {
        this.surface = context.surface();
        this.requestId = context.requestId();
        this.position = context.position();
        return this;
    }

    public Event build() {
        EventContext context = surface.isEmpty() && requestId.isEmpty() && position.isEmpty()
                ? EventContext.NONE : new EventContext(surface, requestId, position);
        return new Event(new EventId(id), type, UserId.of(user), ItemId.of(item), time, value, context);
    }
}
