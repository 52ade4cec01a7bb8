package io.tandem.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesCommand;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.domain.interaction.Event;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Folds each durable append of an in-process event log into the online features before the append returns, so a
 * client reads its own writes. When the store fails, the append still stands (it is durable and answered 202): this
 * remembers the first offset the store missed and, every few seconds, reads the log again from there until the
 * store has taken it all (ADR-0020). The stores apply each event id once (ADR-0012), so what is read twice is
 * harmless.
 */
@Singleton
@Requires(property = "tandem.event-log", notEquals = "kafka")
final class LocalLogFeatures {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLogFeatures.class);
    private static final int CATCH_UP_BATCH = 10_000;

    private final UpdateOnlineFeaturesUseCase updateOnlineFeatures;
    private volatile LocalLogReader log = (from, size, batches) -> { };
    /** The first offset the store missed, or -1 while it has everything. */
    private long missedFrom = -1;

    LocalLogFeatures(UpdateOnlineFeaturesUseCase updateOnlineFeatures) {
        this.updateOnlineFeatures = updateOnlineFeatures;
    }

    void attach(LocalLogReader reader) {
        this.log = reader;
    }

    void onAppend(long firstOffset, List<Event> events) {
        try {
            updateOnlineFeatures.update(new UpdateOnlineFeaturesCommand(events));
        } catch (RuntimeException e) {
            missed(firstOffset, e);
        }
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void catchUp() {
        long from;
        synchronized (this) {
            from = missedFrom;
            missedFrom = -1;
        }
        if (from < 0) {
            return;
        }
        try {
            log.read(from, CATCH_UP_BATCH, (first, events) ->
                    updateOnlineFeatures.update(new UpdateOnlineFeaturesCommand(events)));
            LOG.info("the online features caught up with the event log from offset {}", from);
        } catch (RuntimeException e) {
            missed(from, e);
        }
    }

    private void missed(long offset, RuntimeException e) {
        boolean first;
        synchronized (this) {
            first = missedFrom < 0;
            missedFrom = first ? offset : Math.min(missedFrom, offset);
        }
        if (first) {
            LOG.error("the online store did not take events from offset {}; they are durable in the event log, and "
                    + "the store catches up from there every 5 s until it takes them", offset, e);
        }
    }
}
