package io.tandem.application.catalog.port.out;

import io.tandem.application.catalog.CatalogSnapshot;
import io.tandem.application.catalog.port.out.CatalogStoreContract.Catalog;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static io.tandem.application.catalog.ItemFixture.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every catalog store promises to a serving snapshot that reads only changes ({@link LoadItemChangesPort},
 * ADR-0036), run by each adapter's test: a change, a deletion and a new item are seen after a refresh without
 * reading the catalog in full, the snapshot then answers exactly as one read in full, and the store asks for a full
 * read when the changes outgrow the limit or the version asked for is ahead of it.
 */
public abstract class CatalogChangesContract {

    private static final int PAGE = 10;
    private static final int NEWEST_KEPT = 3;
    private static final List<String> CATEGORIES = List.of("books", "games", "music");

    /** An empty catalog for one test. */
    protected abstract Catalog emptyCatalog();

    private final AtomicInteger pagesRead = new AtomicInteger();
    private final List<ItemId> idsUsed = new ArrayList<>();

    private Item item(int id, int secondsAfterStart, boolean available) {
        ItemId itemId = ItemId.of("item-" + id);
        if (!idsUsed.contains(itemId)) {
            idsUsed.add(itemId);
        }
        return anItem(itemId.value()).categories(CATEGORIES.get(id % CATEGORIES.size()))
                .createdSecondsAfterStart(secondsAfterStart).available(available)
                .attribute("round", Integer.toString(secondsAfterStart)).build();
    }

    private CatalogSnapshot snapshotOf(Catalog catalog, LoadItemChangesPort changes) {
        LoadItemPagePort counted = (after, limit) -> {
            pagesRead.incrementAndGet();
            return catalog.itemsAfter(after, limit);
        };
        return new CatalogSnapshot(counted, changes, catalog, catalog, PAGE, NEWEST_KEPT);
    }

    /** A catalog of 25 items, a third of them unavailable, in three categories. */
    private Catalog filledCatalog() {
        Catalog catalog = emptyCatalog();
        catalog.save(IntStream.range(0, 25).mapToObj(i -> item(i, i, i % 3 != 0)).toList());
        return catalog;
    }

    /** Fails unless {@code snapshot} answers every id used and every newest list as a full read does. */
    private void assertMatchesAFullRead(CatalogSnapshot snapshot, Catalog catalog) {
        CatalogSnapshot full = new CatalogSnapshot(catalog, catalog, catalog, catalog, PAGE, NEWEST_KEPT);
        full.refresh();
        assertThat(snapshot.loadItems(idsUsed)).isEqualTo(full.loadItems(idsUsed));
        assertThat(snapshot.newestItems(Optional.empty(), NEWEST_KEPT))
                .isEqualTo(full.newestItems(Optional.empty(), NEWEST_KEPT));
        for (String category : CATEGORIES) {
            assertThat(snapshot.newestItems(Optional.of(category), NEWEST_KEPT)).as(category)
                    .isEqualTo(full.newestItems(Optional.of(category), NEWEST_KEPT));
        }
    }

    @Test
    void aChangeADeletionAndANewItemAreSeenAfterARefreshWithoutAFullRead() {
        Catalog catalog = filledCatalog();
        CatalogSnapshot snapshot = snapshotOf(catalog, catalog);
        assertThat(snapshot.refresh()).isEqualTo(25);
        int fullRead = pagesRead.get();

        catalog.save(List.of(item(22, 22, false), item(7, 7, true)));
        assertThat(catalog.deleteItem(ItemId.of("item-23"))).isTrue();
        catalog.save(List.of(item(30, 100, true)));

        assertThat(snapshot.refresh()).isEqualTo(25);
        assertThat(pagesRead).hasValue(fullRead);
        assertThat(snapshot.loadItems(List.of(ItemId.of("item-22"))).get(ItemId.of("item-22")).available()).isFalse();
        assertThat(snapshot.loadItems(List.of(ItemId.of("item-23")))).isEmpty();
        assertThat(snapshot.newestItems(Optional.empty(), 1)).extracting(Item::id).containsExactly(ItemId.of("item-30"));
        assertMatchesAFullRead(snapshot, catalog);
    }

    @Test
    void afterRoundsOfChangesTheSnapshotEqualsAFullRead() {
        Catalog catalog = filledCatalog();
        CatalogSnapshot snapshot = snapshotOf(catalog, catalog);
        snapshot.refresh();
        int fullRead = pagesRead.get();
        Random random = new Random(36);

        for (int round = 1; round <= 12; round++) {
            // A few changes a round: newest items lose availability, move back in time or go, old ones come back.
            for (int change = 0; change < 3; change++) {
                int id = random.nextInt(32);
                switch (random.nextInt(3)) {
                    case 0 -> catalog.deleteItem(ItemId.of("item-" + id));
                    case 1 -> catalog.save(List.of(item(id, random.nextInt(60), random.nextBoolean())));
                    default -> catalog.save(List.of(item(id, 60 + round, true)));
                }
            }
            snapshot.refresh();

            assertMatchesAFullRead(snapshot, catalog);
        }
        assertThat(pagesRead).hasValue(fullRead);
    }

    @Test
    void theComparisonCatchesAChangeTheIncrementalReadMisses() {
        Catalog catalog = filledCatalog();
        LoadItemChangesPort missesOne = changesThrough(catalog, read -> read.complete() && !read.saved().isEmpty()
                ? ItemChanges.of(read.version(), read.saved().subList(1, read.saved().size()), read.deleted())
                : read);
        CatalogSnapshot snapshot = snapshotOf(catalog, missesOne);
        snapshot.refresh();

        catalog.save(List.of(item(4, 4, false)));
        snapshot.refresh();

        assertThatThrownBy(() -> assertMatchesAFullRead(snapshot, catalog)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aWriteThroughTheSnapshotWhileChangesAreReadIsNotUndoneByThem() {
        Catalog catalog = filledCatalog();
        Runnable[] whileReading = {() -> { }};
        LoadItemChangesPort meddled = changesThrough(catalog, read -> {
            whileReading[0].run();
            return read;
        });
        CatalogSnapshot snapshot = snapshotOf(catalog, meddled);
        snapshot.refresh();
        int fullRead = pagesRead.get();
        catalog.save(List.of(item(1, 1, false)));
        Item local = item(1, 90, true);
        whileReading[0] = () -> {
            whileReading[0] = () -> { };
            catalog.save(List.of(local));
            snapshot.saved(List.of(local));
        };

        snapshot.refresh();

        assertThat(snapshot.loadItems(List.of(local.id())).get(local.id())).isEqualTo(local);
        snapshot.refresh();
        assertMatchesAFullRead(snapshot, catalog);
        assertThat(pagesRead).hasValue(fullRead);
    }

    @Test
    void moreChangesThanAPageAreReadInFull() {
        Catalog catalog = filledCatalog();
        CatalogSnapshot snapshot = snapshotOf(catalog, catalog);
        snapshot.refresh();
        int fullRead = pagesRead.get();

        catalog.save(IntStream.range(0, PAGE + 1).mapToObj(i -> item(i, 50 + i, true)).toList());
        snapshot.refresh();

        assertThat(pagesRead.get()).isGreaterThan(fullRead);
        assertMatchesAFullRead(snapshot, catalog);
    }

    @Test
    void theChangesListEachChangedIdOnceUpToTheCurrentVersion() {
        Catalog catalog = filledCatalog();
        long before = catalog.catalogVersion();
        catalog.save(List.of(item(1, 1, true)));
        catalog.save(List.of(item(1, 2, false), item(2, 2, true)));
        catalog.deleteItem(ItemId.of("item-3"));
        assertThat(catalog.deleteItem(ItemId.of("missing"))).isFalse();

        ItemChanges changes = catalog.changesAfter(before, 10);

        assertThat(changes.complete()).isTrue();
        assertThat(changes.version()).isEqualTo(catalog.catalogVersion()).isGreaterThan(before);
        assertThat(changes.saved()).containsExactlyInAnyOrder(item(1, 2, false), item(2, 2, true));
        assertThat(changes.deleted()).containsExactly(ItemId.of("item-3"));
        assertThat(catalog.changesAfter(changes.version(), 10).size()).isZero();
    }

    @Test
    void aVersionAheadOfTheCatalogOrTooManyChangesAskForAFullRead() {
        Catalog catalog = filledCatalog();
        long now = catalog.catalogVersion();

        assertThat(catalog.changesAfter(now + 5, 10).complete()).isFalse();
        assertThat(catalog.changesAfter(now + 5, 10).version()).isEqualTo(now);
        assertThat(catalog.changesAfter(now - 1, 24).complete()).isFalse();
        assertThat(catalog.changesAfter(now - 1, 25).saved()).hasSize(25);
    }

    /** The catalog's changes, each answer passed through {@code read} (which may alter it, or act meanwhile). */
    private static LoadItemChangesPort changesThrough(Catalog catalog, UnaryOperator<ItemChanges> read) {
        return new LoadItemChangesPort() {
            @Override
            public long catalogVersion() {
                return catalog.catalogVersion();
            }

            @Override
            public ItemChanges changesAfter(long version, int limit) {
                return read.apply(catalog.changesAfter(version, limit));
            }
        };
    }
}
