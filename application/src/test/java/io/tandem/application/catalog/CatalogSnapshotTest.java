package io.tandem.application.catalog;

import io.tandem.application.catalog.port.out.ItemChanges;
import io.tandem.application.catalog.port.out.LoadItemChangesPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tandem.application.catalog.ItemFixture.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogSnapshotTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    /** The catalog behind the snapshot, with a count of its reads. */
    private final TreeMap<ItemId, Item> catalog = new TreeMap<>();
    private final AtomicInteger directReads = new AtomicInteger();
    private Runnable duringPaging = () -> { };
    private boolean pagesFail;

    private final CatalogSnapshot snapshot = new CatalogSnapshot(
            (after, limit) -> {
                if (pagesFail) {
                    throw new IllegalStateException("catalog down");
                }
                duringPaging.run();
                List<Item> page = new ArrayList<>();
                for (Item item : (after.isPresent() ? catalog.tailMap(after.get(), false) : catalog).values()) {
                    if (page.size() == limit) {
                        break;
                    }
                    page.add(item);
                }
                return page;
            },
            // A catalog without a change list: every refresh reads it in full, as these tests expect.
            new LoadItemChangesPort() {
                @Override
                public long catalogVersion() {
                    return 0;
                }

                @Override
                public ItemChanges changesAfter(long version, int limit) {
                    return ItemChanges.readInFull(0);
                }
            },
            ids -> {
                directReads.incrementAndGet();
                Map<ItemId, Item> found = new HashMap<>();
                ids.forEach(id -> Optional.ofNullable(catalog.get(id)).ifPresent(item -> found.put(id, item)));
                return found;
            },
            (category, limit) -> {
                directReads.incrementAndGet();
                return List.of();
            },
            3, 2);

    private static Item item(String id, String category, int secondsAfter, boolean available) {
        return anItem(id).categories(category).createdAt(CREATED.plusSeconds(secondsAfter)).available(available)
                .build();
    }

    private void put(Item... items) {
        for (Item item : items) {
            catalog.put(item.id(), item);
        }
    }

    private List<String> newest(Optional<String> category, int limit) {
        return snapshot.newestItems(category, limit).stream().map(item -> item.id().value()).toList();
    }

    @Test
    void beforeTheFirstRefreshReadsGoToTheCatalogAfterItNot() {
        put(item("a", "books", 0, true));
        assertThat(snapshot.loadItems(List.of(ItemId.of("a")))).containsKey(ItemId.of("a"));
        assertThat(directReads).hasValue(1);

        assertThat(snapshot.refresh()).isEqualTo(1);
        assertThat(snapshot.loadItems(List.of(ItemId.of("a"), ItemId.of("missing")))).containsOnlyKeys(ItemId.of("a"));
        assertThat(newest(Optional.empty(), 2)).containsExactly("a");
        assertThat(directReads).hasValue(1);
    }

    @Test
    void aRefreshReadsEveryPageAndDropsWhatWasDeletedElsewhere() {
        for (int i = 0; i < 10; i++) {
            put(item("item-" + i, i % 2 == 0 ? "even" : "odd", i, i != 9));
        }
        assertThat(snapshot.refresh()).isEqualTo(10);
        catalog.remove(ItemId.of("item-8"));
        assertThat(snapshot.loadItems(List.of(ItemId.of("item-8")))).hasSize(1);

        snapshot.refresh();

        assertThat(snapshot.loadItems(List.of(ItemId.of("item-8")))).isEmpty();
        assertThat(newest(Optional.empty(), 2)).containsExactly("item-7", "item-6");
        assertThat(newest(Optional.of("even"), 2)).containsExactly("item-6", "item-4");
        assertThat(newest(Optional.of("odd"), 1)).containsExactly("item-7");
        assertThat(newest(Optional.of("music"), 2)).isEmpty();
    }

    @Test
    void writesThroughThisInstanceShowAtOnce() {
        put(item("old", "books", 0, true), item("older", "books", -10, true));
        snapshot.refresh();

        snapshot.saved(List.of(item("new", "books", 100, true), item("old", "books", 0, false)));

        assertThat(snapshot.loadItems(List.of(ItemId.of("old"))).get(ItemId.of("old")).available()).isFalse();
        assertThat(newest(Optional.empty(), 2)).containsExactly("new", "older");
        assertThat(newest(Optional.of("books"), 2)).containsExactly("new", "older");

        snapshot.deleted(ItemId.of("new"));

        assertThat(snapshot.loadItems(List.of(ItemId.of("new")))).isEmpty();
        assertThat(newest(Optional.of("books"), 2)).containsExactly("older");
    }

    @Test
    void aWriteMadeWhileARefreshReadsIsNotLostToTheOlderRead() {
        put(item("a", "books", 0, true));
        snapshot.refresh();
        // The refresh reads "a" as available; while it reads, this instance makes "a" unavailable.
        duringPaging = () -> {
            duringPaging = () -> { };
            snapshot.saved(List.of(item("a", "books", 0, false)));
        };

        snapshot.refresh();

        assertThat(snapshot.loadItems(List.of(ItemId.of("a"))).get(ItemId.of("a")).available()).isFalse();
        assertThat(newest(Optional.empty(), 2)).isEmpty();
    }

    @Test
    void aFailedRefreshKeepsThePreviousSnapshotAndLongListsAskTheCatalog() {
        put(item("a", "books", 0, true));
        snapshot.refresh();
        pagesFail = true;

        assertThatThrownBy(snapshot::refresh).hasMessageContaining("catalog down");
        assertThat(snapshot.loadItems(List.of(ItemId.of("a")))).hasSize(1);
        int before = directReads.get();
        assertThat(snapshot.newestItems(Optional.empty(), 3)).isEmpty();
        assertThat(directReads).hasValue(before + 1);
    }

    @Test
    void aRefreshKeepsTheHeldObjectOfAnUnchangedItemAndTakesAChangedOne() {
        put(item("same", "books", 0, true), item("changes", "books", 1, true));
        snapshot.refresh();
        Item held = snapshot.loadItems(List.of(ItemId.of("same"))).get(ItemId.of("same"));
        put(item("same", "books", 0, true), item("changes", "books", 1, false));

        snapshot.refresh();

        assertThat(snapshot.loadItems(List.of(ItemId.of("same"))).get(ItemId.of("same"))).isSameAs(held);
        assertThat(snapshot.loadItems(List.of(ItemId.of("changes"))).get(ItemId.of("changes")).available()).isFalse();
        assertThat(newest(Optional.of("books"), 2)).containsExactly("same");
    }

    @Test
    void writesMadeWhileTheFirstRefreshReadsAreServedAfterIt() {
        put(item("a", "books", 0, true));
        duringPaging = () -> {
            duringPaging = () -> { };
            snapshot.saved(List.of(item("b", "books", 5, true), item("a", "books", 0, false)));
            snapshot.deleted(ItemId.of("gone"));
        };

        snapshot.refresh();

        assertThat(snapshot.loadItems(List.of(ItemId.of("a"), ItemId.of("b"))).values())
                .extracting(Item::available).containsExactlyInAnyOrder(false, true);
        assertThat(newest(Optional.empty(), 2)).containsExactly("b");
    }

    @Test
    void itemsByIndexAnswerWhatLoadItemsAnswersThroughRefreshesWritesAndDeletes() {
        List<ItemId> ids = List.of(ItemId.of("a"), ItemId.of("b"), ItemId.of("c"), ItemId.of("d"), ItemId.of("e"));
        assertThat(snapshot.indexed(ids, ids::indexOf)).as("before the first refresh").isEmpty();
        put(item("a", "books", 0, true), item("b", "books", 1, true), item("c", "films", 2, true),
                item("x", "films", 3, true));
        snapshot.refresh();
        IndexedItems indexed = snapshot.indexed(ids, ids::indexOf).orElseThrow();
        assertThat(snapshot.indexed(ids, ids::indexOf)).containsSame(indexed);
        assertAgree(ids, indexed);

        // Changed and removed in the catalog elsewhere, seen at the next refresh; then written through this instance.
        put(item("b", "books", 1, false), item("d", "films", 4, true));
        catalog.remove(ItemId.of("c"));
        snapshot.refresh();
        assertAgree(ids, indexed);
        snapshot.saved(List.of(item("e", "music", 5, true), item("a", "books", 0, false), item("y", "music", 6, true)));
        snapshot.deleted(ItemId.of("d"));

        assertAgree(ids, indexed);
        assertThat(indexed.at(0).available()).isFalse();
        assertThat(indexed.at(2)).isNull();
        assertThat(indexed.at(3)).isNull();
        assertThat(indexed.at(4).id()).isEqualTo(ItemId.of("e"));
    }

    @Test
    void itemsByIndexFollowTheChangesARefreshReadsOn() {
        List<Item> saved = new ArrayList<>();
        List<ItemId> deleted = new ArrayList<>();
        long[] version = {1};
        CatalogSnapshot changing = new CatalogSnapshot(
                (after, limit) -> after.isPresent() ? List.of() : List.copyOf(catalog.values()),
                new LoadItemChangesPort() {
                    @Override
                    public long catalogVersion() {
                        return version[0];
                    }

                    @Override
                    public ItemChanges changesAfter(long after, int limit) {
                        return ItemChanges.of(version[0], List.copyOf(saved), List.copyOf(deleted));
                    }
                },
                ids -> Map.of(), (category, limit) -> List.of(), 3, 2);
        put(item("a", "books", 0, true), item("b", "books", 1, true));
        changing.refresh();
        List<ItemId> ids = List.of(ItemId.of("a"), ItemId.of("b"), ItemId.of("c"));
        IndexedItems indexed = changing.indexed(ids, ids::indexOf).orElseThrow();

        saved.addAll(List.of(item("c", "films", 2, true), item("a", "books", 0, false)));
        deleted.add(ItemId.of("b"));
        version[0] = 2;
        changing.refresh();

        assertThat(indexed.available(0)).isFalse();
        assertThat(indexed.at(0).available()).isFalse();
        assertThat(indexed.at(1)).isNull();
        assertThat(indexed.available(1)).isFalse();
        assertThat(indexed.at(2).id()).isEqualTo(ItemId.of("c"));
        assertThat(indexed.available(2)).isTrue();
        assertThat(changing.loadItems(ids)).containsOnlyKeys(ItemId.of("a"), ItemId.of("c"));
    }

    private void assertAgree(List<ItemId> ids, IndexedItems indexed) {
        Map<ItemId, Item> loaded = snapshot.loadItems(ids);
        for (int index = 0; index < ids.size(); index++) {
            Item item = loaded.get(ids.get(index));
            assertThat(indexed.at(index)).as("item %s", ids.get(index)).isEqualTo(item);
            assertThat(indexed.available(index)).as("item %s", ids.get(index))
                    .isEqualTo(item != null && item.available());
        }
    }
}
