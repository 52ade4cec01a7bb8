package io.tandem.adapters.out.memory;

import io.tandem.application.ingestion.port.out.AppendEventsPort;
import io.tandem.application.ingestion.port.out.EventLogPosition;
import io.tandem.application.ingestion.port.out.MarkEventLogEndPort;
import io.tandem.domain.interaction.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process event log: appends are kept in order, numbered from offset 0, and handed synchronously and
 * in append order to every subscriber, so an acknowledged event is already visible to the online features.
 */
public final class InMemoryEventLogAdapter implements AppendEventsPort, MarkEventLogEndPort {

    /** Receives every append with the log offset of its first event. */
    @FunctionalInterface
    public interface Subscriber {

        void onAppend(long firstOffset, List<Event> events);
    }

    private final List<Event> log = new ArrayList<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** Registers a consumer of every future append. */
    public void subscribe(Subscriber subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    @Override
    public synchronized void append(List<Event> events) {
        List<Event> batch = List.copyOf(events);
        long firstOffset = log.size();
        log.addAll(batch);
        for (Subscriber subscriber : subscribers) {
            subscriber.onAppend(firstOffset, batch);
        }
    }

    /** The one partition's end: the number of events appended so far. */
    @Override
    public synchronized EventLogPosition markEnd() {
        return EventLogPosition.single(log.size());
    }

    /** Everything appended so far, in order. */
    public synchronized List<Event> events() {
        return List.copyOf(log);
    }
}
