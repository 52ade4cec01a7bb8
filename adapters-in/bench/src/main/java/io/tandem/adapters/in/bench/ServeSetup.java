package io.tandem.adapters.in.bench;

import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.ingestion.port.in.IngestionReport;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsQuery;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsCommand;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.interaction.EventLogUnavailableException;
import io.tandem.domain.interaction.EventSubmission;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The set-up of {@code bench serve}, in process and through the same use cases as the HTTP API: the generated
 * data set is loaded, the lake and the online store are waited for until they hold it, and the two-stage model is
 * trained and served.
 */
final class ServeSetup {

    private static final Duration LAKE_PATIENCE = Duration.ofMinutes(15);
    private static final int EVENT_BATCH = RecordEventsCommand.MAX_EVENTS;

    private final BenchPlatform platform;
    private final RunProgress progress;
    private final int trainMinutes;
    private final int items;
    private final int users;

    /** {@code items} and {@code users} name the data set's size when training gives up. */
    ServeSetup(BenchPlatform platform, RunProgress progress, int trainMinutes, int items, int users) {
        this.platform = platform;
        this.progress = progress;
        this.trainMinutes = trainMinutes;
        this.items = items;
        this.users = users;
    }

    /** Loads the data set, waits until the lake and the online store hold it, trains and serves the model. */
    TrainingReport loadAndTrain(BenchDataSet data) throws InterruptedException {
        long accepted = load(data);
        awaitLake(platform.readArchivedEvents(), accepted);
        awaitOnlineStore(platform.requestPath().userState(), data.lastClicks(50));
        TrainingReport report = train();
        ServingModelStatus status = platform.refreshServingModel().refresh();
        progress.line("serving %s", status.serving().map(m -> m.name() + " " + m.version())
                .orElseThrow(() -> new IllegalStateException("no model serves: "
                        + status.problem().orElse("no champion"))));
        return report;
    }

    /** Catalog, users, then events, through the same use cases as the HTTP API; returns the events accepted. */
    private long load(BenchDataSet data) {
        List<Item> catalogue = data.items();
        UpsertItemsUseCase upsertItems = platform.upsertItems();
        for (int from = 0; from < catalogue.size(); from += UpsertItemsCommand.MAX_ITEMS) {
            upsertItems.upsert(new UpsertItemsCommand(catalogue.subList(from,
                    Math.min(catalogue.size(), from + UpsertItemsCommand.MAX_ITEMS))));
        }
        List<User> people = data.users();
        UpsertUsersUseCase upsertUsers = platform.upsertUsers();
        for (int from = 0; from < people.size(); from += UpsertUsersCommand.MAX_USERS) {
            upsertUsers.upsert(new UpsertUsersCommand(people.subList(from,
                    Math.min(people.size(), from + UpsertUsersCommand.MAX_USERS))));
        }
        progress.line("catalogue loaded: %,d items, %,d users", catalogue.size(), people.size());
        RecordEventsUseCase record = platform.recordEvents();
        long[] totals = new long[2];
        long loadStarted = System.nanoTime();
        data.events(EVENT_BATCH, batch -> {
            IngestionReport report = recordPatiently(record, batch);
            if (!report.rejected().isEmpty()) {
                throw new IllegalStateException("generated events were refused: " + report.rejected().get(0));
            }
            totals[0] += batch.size();
            totals[1] += report.accepted();
            if (totals[0] % 100_000 < EVENT_BATCH) {
                progress.line("  events %,d sent (%,.0f events/s)", totals[0],
                        totals[0] / ((System.nanoTime() - loadStarted) / 1e9));
            }
        });
        progress.line("events loaded: %,d sent, %,d accepted", data.eventCount(), totals[1]);
        return totals[1];
    }

    /** Records one batch, waiting while the event log asks to come back later, as a client would. */
    static IngestionReport recordPatiently(RecordEventsUseCase record, List<EventSubmission> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return record.record(new RecordEventsCommand(batch));
            } catch (EventLogUnavailableException e) {
                if (attempt == 20) {
                    throw e;
                }
                BenchThreads.sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void awaitLake(ReadArchivedEventsUseCase lake, long accepted) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReadArchivedEventsQuery query = new ReadArchivedEventsQuery(
                today.minusDays(BenchDataSet.SPAN.toDays() + 2), today.plusDays(1));
        long deadline = System.nanoTime() + LAKE_PATIENCE.toNanos();
        while (true) {
            long[] inLake = new long[1];
            lake.read(query, event -> inLake[0]++);
            if (inLake[0] >= accepted) {
                progress.line("lake holds all %,d events", inLake[0]);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the lake holds " + inLake[0] + " of " + accepted
                        + " events after " + LAKE_PATIENCE.toMinutes() + " minutes");
            }
            progress.line("  lake: %,d of %,d events", inLake[0], accepted);
            BenchThreads.sleep(Duration.ofSeconds(3));
        }
    }

    /** Waits until the online store holds the last clicks sent, so requests see every user's history. */
    private void awaitOnlineStore(LoadUserStatePort userState, Map<String, String> lastClicks) {
        long deadline = System.nanoTime() + LAKE_PATIENCE.toNanos();
        while (true) {
            int caughtUp = 0;
            for (Map.Entry<String, String> click : lastClicks.entrySet()) {
                ItemId item = new ItemId(click.getValue());
                List<PositiveInteraction> positives;
                try {
                    positives = userState.userState(new UserId(click.getKey()), 500).positives();
                } catch (RuntimeException e) {
                    // The serving read has the serving timeout; while the consumers still write, it may miss it.
                    positives = List.of();
                }
                caughtUp += positives.stream().anyMatch(p -> p.item().equals(item)) ? 1 : 0;
            }
            if (caughtUp == lastClicks.size()) {
                progress.line("online store holds the last clicks of %d users", caughtUp);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the online store holds the last clicks of only " + caughtUp
                        + " of " + lastClicks.size() + " users");
            }
            progress.line("  online store: last clicks of %d of %d users", caughtUp, lastClicks.size());
            BenchThreads.sleep(Duration.ofSeconds(2));
        }
    }

    /** Trains on a thread of its own, so a run that will not finish is reported with numbers, not waited for. */
    private TrainingReport train() throws InterruptedException {
        long trainStarted = System.nanoTime();
        AtomicReference<String> step = new AtomicReference<>("starting");
        TrainModelsCommand command = TrainModelsCommand.wholeLake(platform.servedModel(),
                HoldOutWindow.latestShare(0.1), TrainModelsCommand.DEFAULT_SEED).withProgress((fraction, now) -> {
                    if (!now.equals(step.getAndSet(now))) {
                        progress.line("  [%3.0f%%] %s", fraction * 100, now);
                    }
                });
        progress.line("training %s on the lake (hold-out: the latest 10%% of interactions)", command.model());
        ExecutorService trainer = BenchThreads.daemons(1, "tandem-bench-train");
        try {
            Future<TrainingReport> running = trainer.submit(() -> platform.trainModels().train(command));
            TrainingReport report = running.get(trainMinutes, TimeUnit.MINUTES);
            progress.line("trained in %.1f s: %,d events, %,d users, %,d items, %,d training interactions; %s",
                    (System.nanoTime() - trainStarted) / 1e9, report.eventsRead(), report.users(), report.items(),
                    report.trainingRows(), report.summary());
            return report;
        } catch (TimeoutException e) {
            throw new IllegalStateException(String.format(Locale.ROOT, "training did not finish within %d minutes "
                    + "(%,d items, %,d users); last step: %s", trainMinutes, items, users, step.get()), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            trainer.shutdownNow();
        }
    }
}
