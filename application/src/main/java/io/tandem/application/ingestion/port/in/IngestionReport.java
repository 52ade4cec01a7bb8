package io.tandem.application.ingestion.port.in;

import io.tandem.domain.interaction.RejectedEvent;

import java.util.List;

/** What became of a batch: how many events are now durable, how many were repeats, which were refused. */
public record IngestionReport(int accepted, int duplicates, List<RejectedEvent> rejected) {

    public IngestionReport {
        if (accepted < 0 || duplicates < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        rejected = List.copyOf(rejected);
    }
}
