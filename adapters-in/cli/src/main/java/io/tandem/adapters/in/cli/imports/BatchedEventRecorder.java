package io.tandem.adapters.in.cli.imports;

import io.tandem.application.ingestion.port.in.IngestionReport;
import io.tandem.application.ingestion.port.in.RecordEventsCommand;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.domain.interaction.EventLogUnavailableException;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.RejectedEvent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the events of a file to {@link RecordEventsUseCase} in batches of {@value RecordEventsCommand#MAX_EVENTS},
 * and turns the batch indexes of refused events back into the file's line numbers.
 */
final class BatchedEventRecorder {

    /** A full import should survive a short event-log outage; a long one is reported, not waited out. */
    static final int MAX_ATTEMPTS = 5;

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private final RecordEventsUseCase recordEvents;
    private final String file;
    private final RejectLog rejects;
    private final BatchBuffer<PendingEvent> buffer;
    private long accepted;
    private long duplicates;
    private long rejected;
    private long batches;

    BatchedEventRecorder(RecordEventsUseCase recordEvents, String file, RejectLog rejects) {
        this.recordEvents = recordEvents;
        this.file = file;
        this.rejects = rejects;
        this.buffer = new BatchBuffer<>(RecordEventsCommand.MAX_EVENTS, this::record);
    }

    /** Queues the submission read from {@code line}; the raw text is kept for the rejects file. */
    void add(long line, String input, EventSubmission submission) throws IOException {
        buffer.add(new PendingEvent(line, input, submission));
    }

    /** Records what is still queued and returns the totals of the whole import. */
    EventTotals finish() throws IOException {
        buffer.flush();
        return new EventTotals(buffer.added(), accepted, duplicates, rejected, batches);
    }

    private void record(List<PendingEvent> batch) throws IOException {
        List<EventSubmission> submissions = new ArrayList<>(batch.size());
        for (PendingEvent pending : batch) {
            submissions.add(pending.submission());
        }
        IngestionReport report = recordWithRetry(new RecordEventsCommand(submissions));
        batches++;
        accepted += report.accepted();
        duplicates += report.duplicates();
        rejected += report.rejected().size();
        for (RejectedEvent refused : report.rejected()) {
            PendingEvent pending = batch.get(refused.index());
            rejects.add(new RejectedLine(file, pending.line(), refused.field(), refused.message(), pending.input()));
        }
    }

    /** Retrying is safe: event ids make a batch idempotent, and a failed append accepted nothing. */
    private IngestionReport recordWithRetry(RecordEventsCommand command) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return recordEvents.record(command);
            } catch (EventLogUnavailableException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                pause(e.retryAfter());
            }
        }
    }

    private static void pause(Duration retryAfter) throws InterruptedIOException {
        Duration wait = retryAfter == null || retryAfter.isNegative() ? DEFAULT_WAIT : retryAfter;
        try {
            Thread.sleep(Math.min(wait.toMillis(), MAX_WAIT.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the event log");
        }
    }

    private record PendingEvent(long line, String input, EventSubmission submission) {
    }

    /** What became of all events of an import. */
    record EventTotals(long read, long accepted, long duplicates, long rejected, long batches) {

        String describe() {
            return String.format("%,d read, %,d accepted, %,d duplicates, %,d rejected (%,d batches)",
                    read, accepted, duplicates, rejected, batches);
        }
    }
}
