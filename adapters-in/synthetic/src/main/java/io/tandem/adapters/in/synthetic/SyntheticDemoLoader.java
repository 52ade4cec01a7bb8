package io.tandem.adapters.in.synthetic;

import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.ingestion.port.in.IngestionReport;
import io.tandem.application.ingestion.port.in.RecordEventsCommand;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.domain.interaction.EventSubmission;

import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/** Feeds a generated data set through the same use cases as the HTTP API: catalog first, then events. */
public final class SyntheticDemoLoader {

    private final UpsertItemsUseCase upsertItems;
    private final UpsertUsersUseCase upsertUsers;
    private final RecordEventsUseCase recordEvents;

    public SyntheticDemoLoader(UpsertItemsUseCase upsertItems, UpsertUsersUseCase upsertUsers,
                               RecordEventsUseCase recordEvents) {
        this.upsertItems = Objects.requireNonNull(upsertItems, "upsertItems");
        this.upsertUsers = Objects.requireNonNull(upsertUsers, "upsertUsers");
        this.recordEvents = Objects.requireNonNull(recordEvents, "recordEvents");
    }

    /**
     * Loads {@code dataset}, reporting the number of events done so far to {@code progress}.
     *
     * @return how many events were accepted (repeats of an earlier load are not)
     */
    public long load(SyntheticDataset dataset, LongConsumer progress) {
        for (int from = 0; from < dataset.items().size(); from += UpsertItemsCommand.MAX_ITEMS) {
            int to = Math.min(dataset.items().size(), from + UpsertItemsCommand.MAX_ITEMS);
            upsertItems.upsert(new UpsertItemsCommand(dataset.items().subList(from, to)));
        }
        for (int from = 0; from < dataset.users().size(); from += UpsertUsersCommand.MAX_USERS) {
            int to = Math.min(dataset.users().size(), from + UpsertUsersCommand.MAX_USERS);
            upsertUsers.upsert(new UpsertUsersCommand(dataset.users().subList(from, to)));
        }
        long accepted = 0;
        int batch = RecordEventsCommand.MAX_EVENTS;
        for (int from = 0; from < dataset.events().size(); from += batch) {
            int to = Math.min(dataset.events().size(), from + batch);
            List<EventSubmission> submissions = dataset.events().subList(from, to).stream()
                    .map(SyntheticSubmissions::of)
                    .toList();
            IngestionReport report = recordEvents.record(new RecordEventsCommand(submissions));
            if (!report.rejected().isEmpty()) {
                throw new IllegalStateException("generated events were refused: " + report.rejected().get(0));
            }
            accepted += report.accepted();
            progress.accept(to);
        }
        return accepted;
    }
}
