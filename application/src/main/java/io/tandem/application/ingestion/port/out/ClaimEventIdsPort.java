package io.tandem.application.ingestion.port.out;

import io.tandem.domain.interaction.EventId;

import java.util.Collection;
import java.util.Set;

/**
 * Remembers which event ids have been accepted, so a retried or replayed event is counted once. Claims
 * are atomic: of two concurrent claims of one id, exactly one wins.
 */
public interface ClaimEventIdsPort {

    /** Claims the ids not claimed before and returns those; the others are duplicates. */
    Set<EventId> claim(Collection<EventId> ids);

    /** Gives back claims whose events could not be appended, so a retry is not taken for a duplicate. */
    void release(Collection<EventId> ids);
}
