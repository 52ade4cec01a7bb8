package io.tandem.adapters.in.cli.imports;

import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemSession;
import io.tandem.adapters.in.cli.UseCases;
import io.tandem.adapters.in.cli.UseCasesFixture;
import io.tandem.application.catalog.port.in.CatalogCounts;
import io.tandem.application.catalog.port.in.CountCatalogQuery;
import io.tandem.application.catalog.port.in.CountCatalogUseCase;
import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsReport;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.ingestion.port.in.IngestionReport;
import io.tandem.application.ingestion.port.in.RecordEventsCommand;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.User;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventLogUnavailableException;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.EventValidation;
import io.tandem.domain.interaction.RejectedEvent;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fake platform without Micronaut: launcher, session and use cases in one object that validates events with
 * the real domain rules, de-duplicates by id, and records every call, so tests can check what an import sent.
 */
final class RecordingPlatform implements TandemLauncher, TandemSession, RecordEventsUseCase, UpsertItemsUseCase,
        UpsertUsersUseCase, CountCatalogUseCase {

    final List<Integer> eventBatchSizes = new ArrayList<>();
    final List<Integer> itemBatchSizes = new ArrayList<>();
    final List<Integer> userBatchSizes = new ArrayList<>();
    final Map<String, Event> events = new LinkedHashMap<>();
    final Map<String, Item> items = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    /** The order of calls, e.g. items before events. */
    final List<String> calls = new ArrayList<>();
    int sessionsOpened;
    int sessionsClosed;
    private int unavailableCallsLeft;
    private final Set<String> eventIds = new HashSet<>();

    /** The next {@code count} record calls fail as if the event log were down. */
    RecordingPlatform failingFirst(int count) {
        unavailableCallsLeft = count;
        return this;
    }

    @Override
    public void serve(PrintStream out, java.util.Optional<String> profile) {
        throw new UnsupportedOperationException("imports never serve");
    }

    @Override
    public int checkConfiguration(PrintStream out, java.util.Optional<String> profile) {
        throw new UnsupportedOperationException("imports never check the configuration");
    }

    @Override
    public void demo(PrintStream out) {
        throw new UnsupportedOperationException("imports never run the demo");
    }

    @Override
    public TandemSession openSession() {
        sessionsOpened++;
        return this;
    }

    @Override
    public UseCases useCases() {
        return UseCasesFixture.of(type -> this);
    }

    @Override
    public void close() {
        sessionsClosed++;
    }

    @Override
    public IngestionReport record(RecordEventsCommand command) {
        calls.add("events");
        if (unavailableCallsLeft > 0) {
            unavailableCallsLeft--;
            throw new EventLogUnavailableException("log down", Duration.ZERO, null);
        }
        eventBatchSizes.add(command.submissions().size());
        Instant now = Instant.now();
        int accepted = 0;
        int duplicates = 0;
        List<RejectedEvent> rejected = new ArrayList<>();
        List<EventSubmission> submissions = command.submissions();
        for (int index = 0; index < submissions.size(); index++) {
            EventValidation validation = submissions.get(index).validate(TimeWindow.DEFAULT, now);
            if (validation instanceof EventValidation.Invalid) {
                EventValidation.Invalid invalid = (EventValidation.Invalid) validation;
                rejected.add(new RejectedEvent(index, invalid.field(), invalid.message()));
            } else {
                Event event = ((EventValidation.Valid) validation).event();
                if (eventIds.add(event.id().value())) {
                    events.put(event.id().value(), event);
                    accepted++;
                } else {
                    duplicates++;
                }
            }
        }
        return new IngestionReport(accepted, duplicates, rejected);
    }

    @Override
    public UpsertItemsReport upsert(UpsertItemsCommand command) {
        calls.add("items");
        itemBatchSizes.add(command.items().size());
        command.items().forEach(item -> items.put(item.id().value(), item));
        return new UpsertItemsReport(command.items().size(), List.of());
    }

    @Override
    public void upsert(UpsertUsersCommand command) {
        calls.add("users");
        userBatchSizes.add(command.users().size());
        command.users().forEach(user -> users.put(user.id().value(), user));
    }

    @Override
    public CatalogCounts count(CountCatalogQuery query) {
        return new CatalogCounts(items.size(), users.size());
    }
}
