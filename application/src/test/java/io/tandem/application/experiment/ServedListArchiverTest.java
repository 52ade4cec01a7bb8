package io.tandem.application.experiment;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The served-list archiver: a full batch is written on the flusher, the rest by a flush or at close, every batch
 * under a fresh name; a failed write keeps its lists for the next flush and is counted; past the pending limit the
 * oldest lists are dropped and counted; offering never throws for the lake.
 */
class ServedListArchiverTest {

    private final Map<String, List<ServedList>> lake = new TreeMap<>();
    private final AtomicBoolean lakeAway = new AtomicBoolean();
    private final List<Runnable> flusher = new ArrayList<>();

    private ServedListArchiver archiver(int batchSize, int maxPending) {
        return new ServedListArchiver((batchId, lists) -> {
            if (lakeAway.get()) {
                throw new IllegalStateException("lake away");
            }
            assertThat(lake).doesNotContainKey(batchId);
            lake.put(batchId, List.copyOf(lists));
        }, batchSize, maxPending, flusher::add);
    }

    private static ServedList list(int n) {
        return new ServedList("req-" + n, "ab-1", "a", new UserId("u" + n), Instant.parse("2026-12-07T09:00:00Z"),
                List.of(ServedItem.ranked(new ItemId("i1"), 1)), Duration.ofMillis(5), false);
    }

    private List<ServedList> written() {
        return lake.values().stream().flatMap(List::stream).toList();
    }

    @Test
    void aFullBatchIsWrittenOnTheFlusherAndTheRestByFlushOrClose() {
        ServedListArchiver archiver = archiver(2, 10);
        archiver.offer(list(1));
        assertThat(flusher).isEmpty();
        archiver.offer(list(2));
        archiver.offer(list(3));
        assertThat(flusher).as("one flush queued however many lists wait").hasSize(1);
        assertThat(lake).isEmpty();

        flusher.remove(0).run();
        assertThat(written()).containsExactly(list(1), list(2), list(3));
        assertThat(lake.values()).extracting(List::size).containsExactly(2, 1);

        archiver.offer(list(4));
        archiver.close();
        assertThat(written()).containsExactly(list(1), list(2), list(3), list(4));
        assertThat(lake.keySet()).allMatch(id -> id.matches("served-[0-9a-f]{12}-[0-9]{12}"));
        assertThat(archiver.written()).isEqualTo(4);
        assertThat(archiver.pending()).isZero();
    }

    @Test
    void aFailedWriteKeepsItsListsForTheNextFlushAndIsCounted() {
        ServedListArchiver archiver = archiver(5, 10);
        archiver.offer(list(1));
        archiver.offer(list(2));
        lakeAway.set(true);

        assertThat(archiver.flush()).isZero();
        assertThat(archiver.failedWrites()).isEqualTo(1);
        assertThat(archiver.pending()).isEqualTo(2);
        lakeAway.set(false);
        archiver.offer(list(3));

        assertThat(archiver.flush()).isEqualTo(3);
        assertThat(written()).containsExactly(list(1), list(2), list(3));
    }

    @Test
    void pastThePendingLimitTheOldestListsAreDroppedAndCountedWithoutFailingTheCaller() {
        ServedListArchiver archiver = archiver(2, 3);
        lakeAway.set(true);
        for (int n = 1; n <= 5; n++) {
            archiver.offer(list(n));
        }
        flusher.forEach(Runnable::run);

        assertThat(archiver.dropped()).isEqualTo(2);
        lakeAway.set(false);
        archiver.flush();
        assertThat(written()).containsExactly(list(3), list(4), list(5));
    }

    @Test
    void refusesABatchSizeBelowOneAndAPendingLimitBelowIt() {
        assertThatThrownBy(() -> archiver(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> archiver(5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPending");
    }
}
