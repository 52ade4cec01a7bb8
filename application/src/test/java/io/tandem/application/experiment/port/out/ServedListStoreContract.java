package io.tandem.application.experiment.port.out;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.experiment.interleaving.Team;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every served-list store promises (ADR-0026), run by each adapter's test: a list comes back exactly as
 * recorded (positions, propensities to the last bit, latency, fallback flag), several lists are read in one call,
 * unknown ids are absent, and recording a request id again replaces its list.
 */
public abstract class ServedListStoreContract {

    /** The two served-list ports, as one adapter implements them. */
    public interface Store extends RecordServedListPort, LoadServedListsPort {

        /** The store that {@code adapter} is. */
        static <A extends RecordServedListPort & LoadServedListsPort> Store of(A adapter) {
            return new Store() {
                @Override
                public void recordServedList(ServedList list) {
                    adapter.recordServedList(list);
                }

                @Override
                public Map<String, ServedList> loadServedLists(java.util.Collection<String> requestIds) {
                    return adapter.loadServedLists(requestIds);
                }
            };
        }
    }

    /** A store for one test; request ids are fresh per test, so a shared server is fine. */
    protected abstract Store store();

    protected static final Instant SERVED = Instant.parse("2026-12-07T09:00:00.123456Z");

    protected static ServedList list(String requestId, String variant, boolean fallback, String... items) {
        List<ServedItem> served = new java.util.ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            served.add(new ServedItem(new ItemId(items[i]), i + 1, i == items.length - 1 ? 0.1 + 0.2 : 1.0));
        }
        return new ServedList(requestId, "ab-1", variant, new UserId("u ü/" + requestId.length()), SERVED, served,
                Duration.ofNanos(3_456_789), fallback);
    }

    protected static String freshId() {
        return "req-" + UUID.randomUUID();
    }

    @Test
    void aListComesBackExactlyAsRecorded() {
        Store store = store();
        String id = freshId();
        ServedList recorded = list(id, "b", true, "i1", "item with spaces", "ü-3");

        store.recordServedList(recorded);

        assertThat(store.loadServedLists(List.of(id))).containsExactly(Map.entry(id, recorded));
    }

    @Test
    void severalListsAreReadAtOnceAndUnknownIdsAreAbsent() {
        Store store = store();
        String first = freshId();
        String second = freshId();
        store.recordServedList(list(first, "a", false, "i1"));
        store.recordServedList(list(second, "holdout", false, "i2", "i3"));

        Map<String, ServedList> found = store.loadServedLists(List.of(first, "never-served-" + first, second));

        assertThat(found).containsOnlyKeys(first, second);
        assertThat(found.get(second).variant()).isEqualTo("holdout");
        assertThat(found.get(second).items()).extracting(ServedItem::item)
                .containsExactly(new ItemId("i2"), new ItemId("i3"));
        assertThat(store.loadServedLists(List.of())).isEmpty();
    }

    @Test
    void recordingARequestIdAgainReplacesItsList() {
        Store store = store();
        String id = freshId();
        store.recordServedList(list(id, "a", false, "i1"));
        ServedList again = list(id, "b", true, "i9", "i8");

        store.recordServedList(again);

        assertThat(store.loadServedLists(List.of(id)).get(id)).isEqualTo(again);
    }

    @Test
    void anInterleavedListKeepsEachItemsTeam() {
        Store store = store();
        String id = freshId();
        ServedList interleaved = new ServedList(id, "il-1", "interleaved", UserId.of("u1"),
                Instant.parse("2026-12-07T09:00:00.123456789Z"), List.of(
                        ServedItem.drafted(ItemId.of("i1"), 1, Team.B), ServedItem.drafted(ItemId.of("i2"), 2, Team.A),
                        ServedItem.drafted(ItemId.of("i3"), 3, Team.A)), Duration.ofMillis(7), false);

        store.recordServedList(interleaved);

        ServedList read = store.loadServedLists(List.of(id)).get(id);
        assertThat(read).isEqualTo(interleaved);
        assertThat(read.interleaved()).isTrue();
    }

    @Test
    void anEmptyListIsKeptToo() {
        Store store = store();
        String id = freshId();
        ServedList empty = list(id, "a", true);

        store.recordServedList(empty);

        assertThat(store.loadServedLists(List.of(id)).get(id)).isEqualTo(empty);
    }
}
