package io.tandem.adapters.out.memory;

import io.tandem.application.experiment.port.out.LoadServedListsPort;
import io.tandem.application.experiment.port.out.RecordServedListPort;
import io.tandem.domain.experiment.attribution.ServedList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lists served inside experiments, by request id, in a map, lost on exit like every memory adapter. A list is
 * kept for {@code keep} after it was served (the attribution window and a margin): every
 * {@value #SWEEP_EVERY}th recording forgets the older ones, so the map stays bounded by the traffic of that time.
 */
public final class InMemoryServedListsAdapter implements RecordServedListPort, LoadServedListsPort {

    private static final long SWEEP_EVERY = 1_024;

    private final ConcurrentMap<String, ServedList> lists = new ConcurrentHashMap<>();
    private final AtomicLong recorded = new AtomicLong();
    private final Duration keep;
    private final Clock clock;

    public InMemoryServedListsAdapter(Duration keep, Clock clock) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("keep must be positive");
        }
        this.keep = keep;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void recordServedList(ServedList list) {
        lists.put(list.requestId(), list);
        if (recorded.incrementAndGet() % SWEEP_EVERY == 0) {
            Instant oldest = clock.instant().minus(keep);
            lists.values().removeIf(kept -> kept.servedAt().isBefore(oldest));
        }
    }

    @Override
    public Map<String, ServedList> loadServedLists(Collection<String> requestIds) {
        Instant oldest = clock.instant().minus(keep);
        Map<String, ServedList> found = new HashMap<>();
        for (String id : requestIds) {
            ServedList list = lists.get(id);
            if (list != null && !list.servedAt().isBefore(oldest)) {
                found.put(id, list);
            }
        }
        return found;
    }

    /** How many lists are held now, expired ones not yet swept included. */
    public int size() {
        return lists.size();
    }
}
