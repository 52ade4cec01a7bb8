package io.tandem.application.catalog.port.in;

import java.util.List;

/** What became of a batch of items: how many were stored, and which were refused, by their index in the batch. */
public record UpsertItemsReport(int upserted, List<RejectedItem> rejected) {

    public UpsertItemsReport {
        if (upserted < 0) {
            throw new IllegalArgumentException("upserted must not be negative");
        }
        rejected = List.copyOf(rejected);
    }

    /** Why the item at {@code index} of a batch was refused; the rest of the batch is unaffected. */
    public record RejectedItem(int index, String field, String message) {
    }
}
