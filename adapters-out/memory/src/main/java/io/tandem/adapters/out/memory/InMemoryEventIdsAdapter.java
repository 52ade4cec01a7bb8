package io.tandem.adapters.out.memory;

import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;
import io.tandem.domain.interaction.EventId;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Event-id claims in a concurrent set; atomic per id because {@link Set#add} on it is. */
public final class InMemoryEventIdsAdapter implements ClaimEventIdsPort {

    private final Set<EventId> claimed = ConcurrentHashMap.newKeySet();

    @Override
    public Set<EventId> claim(Collection<EventId> ids) {
        Set<EventId> won = new LinkedHashSet<>();
        for (EventId id : ids) {
            if (claimed.add(id)) {
                won.add(id);
            }
        }
        return won;
    }

    @Override
    public void release(Collection<EventId> ids) {
        claimed.removeAll(ids);
    }
}
