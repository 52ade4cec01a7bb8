package io.tandem.application.catalog.port.out;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.tandem.application.catalog.ItemFixture.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every catalog store promises, run by each adapter's test: items and users come back exactly as saved (every
 * field, up to the limits of the input contract), saving again replaces, ids not in the catalog are absent, the newest
 * items are the available ones newest first with ties by id, the whole catalog reads page by page in id order, a
 * deletion says whether the item was there, and the counts follow.
 */
public abstract class CatalogStoreContract {

    /** The catalog ports, as one adapter implements them. */
    public interface Catalog extends SaveItemsPort, LoadItemsPort, LoadNewestItemsPort, LoadItemPagePort,
            DeleteItemPort, SaveUsersPort, LoadUserPort, CountCatalogPort, LoadItemChangesPort {

        /** The catalog that {@code adapter} is. */
        static <A extends SaveItemsPort & LoadItemsPort & LoadNewestItemsPort & LoadItemPagePort & DeleteItemPort
                & SaveUsersPort & LoadUserPort & CountCatalogPort & LoadItemChangesPort> Catalog of(A adapter) {
            return new Catalog() {
                @Override
                public long catalogVersion() {
                    return adapter.catalogVersion();
                }

                @Override
                public ItemChanges changesAfter(long version, int limit) {
                    return adapter.changesAfter(version, limit);
                }

                @Override
                public void save(List<Item> items) {
                    adapter.save(items);
                }

                @Override
                public Map<ItemId, Item> loadItems(Collection<ItemId> ids) {
                    return adapter.loadItems(ids);
                }

                @Override
                public List<Item> newestItems(Optional<String> category, int limit) {
                    return adapter.newestItems(category, limit);
                }

                @Override
                public List<Item> itemsAfter(Optional<ItemId> after, int limit) {
                    return adapter.itemsAfter(after, limit);
                }

                @Override
                public boolean deleteItem(ItemId id) {
                    return adapter.deleteItem(id);
                }

                @Override
                public void saveUsers(List<User> users) {
                    adapter.saveUsers(users);
                }

                @Override
                public Optional<User> loadUser(UserId id) {
                    return adapter.loadUser(id);
                }

                @Override
                public long countItems() {
                    return adapter.countItems();
                }

                @Override
                public long countUsers() {
                    return adapter.countUsers();
                }
            };
        }
    }

    /** An empty catalog for one test. */
    protected abstract Catalog emptyCatalog();

    @Test
    void savedItemsLoadWithEveryField() {
        Catalog catalog = emptyCatalog();
        Item full = anItem("item-1").categories("books", "sci-fi").tags("new", "signed").unavailable()
                .attributes(Map.of("price", "12.50", "title", "Quote \" and \\ and ünïcødé", "empty", "")).build();
        Item bare = anItem("item-2").build();

        catalog.save(List.of(full, bare));

        assertThat(catalog.loadItems(List.of(full.id(), bare.id())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(full.id(), full, bare.id(), bare));
    }

    @Test
    void savingAnItemAgainReplacesIt() {
        Catalog catalog = emptyCatalog();
        Item first = anItem("item-1").categories("books", "sci-fi").tags("new")
                .attributes(Map.of("price", "12.50", "colour", "red")).build();
        Item second = anItem("item-1").categories("games").createdSecondsAfterStart(60).unavailable()
                .attribute("price", "9.99").build();

        catalog.save(List.of(first));
        catalog.save(List.of(second));

        assertThat(catalog.loadItems(List.of(first.id()))).containsExactlyEntriesOf(Map.of(second.id(), second));
        assertThat(catalog.countItems()).isEqualTo(1);
    }

    @Test
    void ofOneIdSavedTwiceInABatchTheLastWins() {
        Catalog catalog = emptyCatalog();
        Item first = anItem("item-1").categories("books").build();
        Item last = anItem("item-1").categories("games").build();

        catalog.save(List.of(first, anItem("item-2").build(), last));

        assertThat(catalog.loadItems(List.of(last.id())).get(last.id())).isEqualTo(last);
        assertThat(catalog.countItems()).isEqualTo(2);
    }

    @Test
    void aBatchOfTenThousandItemsIsSavedAndLoadedInOneCallEach() {
        Catalog catalog = emptyCatalog();
        List<Item> batch = IntStream.range(0, 10_000)
                .mapToObj(i -> anItem("item-" + i).categories("category-" + i % 20).tags("tag-" + i % 7)
                        .createdSecondsAfterStart(i).available(i % 3 != 0).attribute("rank", Integer.toString(i))
                        .build())
                .toList();

        catalog.save(batch);
        Map<ItemId, Item> loaded = catalog.loadItems(batch.stream().map(Item::id).toList());

        assertThat(catalog.countItems()).isEqualTo(10_000);
        assertThat(loaded).hasSize(10_000);
        for (Item item : batch) {
            assertThat(loaded.get(item.id())).isEqualTo(item);
        }
    }

    @Test
    void anItemAtTheLimitsOfTheInputContractIsSavedAndLoadedWhole() {
        Catalog catalog = emptyCatalog();
        Set<String> categories = IntStream.range(0, 100).mapToObj(i -> "c".repeat(250) + i)
                .collect(Collectors.toSet());
        Map<String, String> attributes = IntStream.range(0, 100).boxed()
                .collect(Collectors.toMap(i -> "k".repeat(250) + i, i -> "v".repeat(1024)));
        Item largest = anItem("i".repeat(256)).categories(categories).tags(categories)
                .createdAt(Instant.parse("1583-01-01T00:00:00Z")).attributes(attributes).build();

        catalog.save(List.of(largest));

        assertThat(catalog.loadItems(List.of(largest.id()))).containsEntry(largest.id(), largest);
    }

    @Test
    void idsNotInTheCatalogAreAbsentFromTheAnswer() {
        Catalog catalog = emptyCatalog();
        Item known = anItem("known").categories("books").build();
        catalog.save(List.of(known));

        assertThat(catalog.loadItems(List.of(ItemId.of("unknown"), known.id(), ItemId.of("also-unknown"))))
                .containsOnlyKeys(known.id());
        assertThat(catalog.loadItems(List.of(ItemId.of("unknown")))).isEmpty();
        assertThat(catalog.loadItems(List.of())).isEmpty();
    }

    @Test
    void newestItemsComeNewestFirstWithTiesById() {
        Catalog catalog = emptyCatalog();
        catalog.save(List.of(anItem("old").build(), anItem("newest").createdSecondsAfterStart(120).build(),
                anItem("tie-b").createdSecondsAfterStart(60).build(),
                anItem("tie-a").createdSecondsAfterStart(60).build()));

        assertThat(newestIds(catalog, Optional.empty(), 10)).containsExactly("newest", "tie-a", "tie-b", "old");
    }

    @Test
    void newestItemsAreAvailableOnesWithEveryField() {
        Catalog catalog = emptyCatalog();
        Item available = anItem("available").categories("books").tags("signed").attribute("title", "Dune").build();
        Item unavailable = anItem("unavailable").categories("books").createdSecondsAfterStart(60).unavailable()
                .build();
        catalog.save(List.of(available, unavailable));

        assertThat(catalog.newestItems(Optional.empty(), 10)).containsExactly(available);
        assertThat(catalog.newestItems(Optional.of("books"), 10)).containsExactly(available);
    }

    @Test
    void newestItemsInACategoryAreOnlyThatCategorys() {
        Catalog catalog = emptyCatalog();
        catalog.save(List.of(anItem("books-old").categories("books").build(),
                anItem("games").categories("games").createdSecondsAfterStart(30).build(),
                anItem("both").categories("games", "books").createdSecondsAfterStart(60).build(),
                anItem("none").createdSecondsAfterStart(90).build(),
                anItem("bookshelf").categories("bookshelves").createdSecondsAfterStart(120).build()));

        assertThat(newestIds(catalog, Optional.of("books"), 10)).containsExactly("both", "books-old");
        assertThat(newestIds(catalog, Optional.of("games"), 10)).containsExactly("both", "games");
        assertThat(newestIds(catalog, Optional.of("music"), 10)).isEmpty();
    }

    @Test
    void newestItemsStopAtTheLimit() {
        Catalog catalog = emptyCatalog();
        // Saved in shuffled order, so the answer cannot come from the order of saving.
        catalog.save(IntStream.range(0, 50).map(i -> (i * 17) % 50)
                .mapToObj(i -> anItem(String.format("item-%02d", i)).categories("category-" + i % 2)
                        .createdSecondsAfterStart(i).build())
                .toList());

        assertThat(newestIds(catalog, Optional.empty(), 3)).containsExactly("item-49", "item-48", "item-47");
        assertThat(newestIds(catalog, Optional.of("category-0"), 2)).containsExactly("item-48", "item-46");
        assertThat(newestIds(catalog, Optional.empty(), 1_000)).hasSize(50);
    }

    @Test
    void newestItemsOfAnEmptyCatalogAreNoneAndALimitBelowOneIsRefused() {
        Catalog catalog = emptyCatalog();

        assertThat(catalog.newestItems(Optional.empty(), 10)).isEmpty();
        assertThat(catalog.newestItems(Optional.of("books"), 10)).isEmpty();
        assertThatThrownBy(() -> catalog.newestItems(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void aDeletedItemIsNoLongerAmongTheNewest() {
        Catalog catalog = emptyCatalog();
        catalog.save(List.of(anItem("kept").build(), anItem("deleted").createdSecondsAfterStart(60).build()));

        catalog.deleteItem(ItemId.of("deleted"));

        assertThat(newestIds(catalog, Optional.empty(), 10)).containsExactly("kept");
    }

    @Test
    void theWholeCatalogIsReadPageByPageInIdOrderWithEveryField() {
        Catalog catalog = emptyCatalog();
        Item full = anItem("item-007").categories("books").tags("signed").unavailable().attribute("title", "Dune")
                .build();
        // Saved in shuffled order, so the answer cannot come from the order of saving.
        List<Item> saved = new ArrayList<>(IntStream.range(0, 23).map(i -> (i * 5) % 23)
                .filter(i -> i != 7)
                .mapToObj(i -> anItem(String.format("item-%03d", i)).build())
                .toList());
        saved.add(full);
        catalog.save(saved);

        List<String> read = new ArrayList<>();
        Optional<ItemId> after = Optional.empty();
        while (true) {
            List<Item> page = catalog.itemsAfter(after, 5);
            page.forEach(item -> read.add(item.id().value()));
            if (page.size() < 5) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }

        assertThat(read).containsExactlyElementsOf(IntStream.range(0, 23)
                .mapToObj(i -> String.format("item-%03d", i)).toList());
        assertThat(catalog.itemsAfter(Optional.of(ItemId.of("item-006")), 1)).containsExactly(full);
        assertThat(catalog.itemsAfter(Optional.of(ItemId.of("item-022")), 5)).isEmpty();
        // An id that is not in the catalog is a place in the order all the same.
        assertThat(catalog.itemsAfter(Optional.of(ItemId.of("item-0065")), 1)).containsExactly(full);
        assertThatThrownBy(() -> catalog.itemsAfter(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void deletingAnItemRemovesItAndSaysWhetherItWasThere() {
        Catalog catalog = emptyCatalog();
        Item kept = anItem("kept").build();
        Item deleted = anItem("deleted").build();
        catalog.save(List.of(kept, deleted));

        assertThat(catalog.deleteItem(deleted.id())).isTrue();
        assertThat(catalog.deleteItem(deleted.id())).isFalse();
        assertThat(catalog.deleteItem(ItemId.of("never-saved"))).isFalse();
        assertThat(catalog.loadItems(List.of(kept.id(), deleted.id()))).containsOnlyKeys(kept.id());
    }

    @Test
    void usersAreSavedReplacedAndLoaded() {
        Catalog catalog = emptyCatalog();
        User first = new User(UserId.of("user-1"), Map.of("country", "NZ", "age", "25-34"));
        User other = new User(UserId.of("user-2"), Map.of());
        User replaced = new User(UserId.of("user-1"), Map.of("country", "DE"));

        catalog.saveUsers(List.of(first, other));
        assertThat(catalog.loadUser(first.id())).contains(first);
        assertThat(catalog.loadUser(other.id())).contains(other);

        catalog.saveUsers(List.of(replaced));
        assertThat(catalog.loadUser(first.id())).contains(replaced);
        assertThat(catalog.loadUser(UserId.of("unknown"))).isEmpty();
    }

    @Test
    void countsItemsAndUsersSeparately() {
        Catalog catalog = emptyCatalog();
        assertThat(catalog.countItems()).isZero();
        assertThat(catalog.countUsers()).isZero();

        catalog.save(List.of(anItem("a").build(), anItem("b").build(), anItem("c").build()));
        catalog.saveUsers(List.of(new User(UserId.of("u"), Map.of())));
        catalog.deleteItem(ItemId.of("b"));

        assertThat(catalog.countItems()).isEqualTo(2);
        assertThat(catalog.countUsers()).isEqualTo(1);
    }

    @Test
    void emptyBatchesChangeNothing() {
        Catalog catalog = emptyCatalog();
        catalog.save(List.of(anItem("a").build()));

        catalog.save(List.of());
        catalog.saveUsers(List.of());

        assertThat(catalog.countItems()).isEqualTo(1);
        assertThat(catalog.countUsers()).isZero();
    }

    private static List<String> newestIds(Catalog catalog, Optional<String> category, int limit) {
        return catalog.newestItems(category, limit).stream().map(item -> item.id().value()).toList();
    }
}
