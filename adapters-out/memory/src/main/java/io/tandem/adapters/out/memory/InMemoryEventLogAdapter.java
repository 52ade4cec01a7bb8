package io.tandem.adapters.out.memory;

import io.tandem.application.port.out.AppendEventsPort;
import io.tandem.domain.interaction.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-process event log: appends are kept in order and handed, synchronously and in append order, to
 * every subscriber, so an acknowledged event is already visible to the online features.
 */
public final class InMemoryEventLogAdapter implements AppendEventsPort {

    private final List<Event> log = new ArrayList<>();
    private final List<Consumer<List<Event>>> subscribers = new CopyOnWriteArrayList<>();

    /** Registers a consumer of every future append. */
    public void subscribe(Consumer<List<Event>> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    @Override
    public synchronized void append(List<Event> events) {
        List<Event> batch = List.copyOf(events);
        log.addAll(batch);
        for (Consumer<List<Event>> subscriber : subscribers) {
            subscriber.accept(batch);
        }
    }

    /** Everything appended so far, in order. */
    public synchronized List<Event> events() {
        return List.copyOf(log);
    }
}
