package io.tandem.adapters.out.memory;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The newest-items read, case for case as the jdbc adapters' contract checks it on H2 and PostgreSQL. */
class InMemoryCatalogAdapterTest {

    private static final Instant CREATED = Instant.parse("2024-05-17T08:30:12.123456Z");
    private final InMemoryCatalogAdapter catalog = new InMemoryCatalogAdapter();

    @Test
    void newestItemsComeNewestFirstWithTiesById() {
        catalog.save(List.of(Item.of(ItemId.of("old"), Set.of(), CREATED),
                Item.of(ItemId.of("newest"), Set.of(), CREATED.plusSeconds(120)),
                Item.of(ItemId.of("tie-b"), Set.of(), CREATED.plusSeconds(60)),
                Item.of(ItemId.of("tie-a"), Set.of(), CREATED.plusSeconds(60))));

        assertThat(newestIds(Optional.empty(), 10)).containsExactly("newest", "tie-a", "tie-b", "old");
    }

    @Test
    void newestItemsAreAvailableOnesWithEveryField() {
        Item available = new Item(ItemId.of("available"), Set.of("books"), Set.of("signed"), CREATED, true,
                Map.of("title", "Dune"));
        Item unavailable = new Item(ItemId.of("unavailable"), Set.of("books"), Set.of(), CREATED.plusSeconds(60),
                false, Map.of());
        catalog.save(List.of(available, unavailable));

        assertThat(catalog.newestItems(Optional.empty(), 10)).containsExactly(available);
        assertThat(catalog.newestItems(Optional.of("books"), 10)).containsExactly(available);
    }

    @Test
    void newestItemsInACategoryAreOnlyThatCategorys() {
        catalog.save(List.of(Item.of(ItemId.of("books-old"), Set.of("books"), CREATED),
                Item.of(ItemId.of("games"), Set.of("games"), CREATED.plusSeconds(30)),
                Item.of(ItemId.of("both"), Set.of("games", "books"), CREATED.plusSeconds(60)),
                Item.of(ItemId.of("none"), Set.of(), CREATED.plusSeconds(90)),
                Item.of(ItemId.of("bookshelf"), Set.of("bookshelves"), CREATED.plusSeconds(120))));

        assertThat(newestIds(Optional.of("books"), 10)).containsExactly("both", "books-old");
        assertThat(newestIds(Optional.of("games"), 10)).containsExactly("both", "games");
        assertThat(newestIds(Optional.of("music"), 10)).isEmpty();
    }

    @Test
    void newestItemsStopAtTheLimit() {
        // Saved in shuffled order, so the answer cannot come from the order of saving.
        catalog.save(IntStream.range(0, 50).map(i -> (i * 17) % 50)
                .mapToObj(i -> Item.of(ItemId.of(String.format("item-%02d", i)), Set.of("category-" + i % 2),
                        CREATED.plusSeconds(i)))
                .toList());

        assertThat(newestIds(Optional.empty(), 3)).containsExactly("item-49", "item-48", "item-47");
        assertThat(newestIds(Optional.of("category-0"), 2)).containsExactly("item-48", "item-46");
        assertThat(newestIds(Optional.empty(), 1_000)).hasSize(50);
    }

    @Test
    void newestItemsOfAnEmptyCatalogAreNoneAndALimitBelowOneIsRefused() {
        assertThat(catalog.newestItems(Optional.empty(), 10)).isEmpty();
        assertThat(catalog.newestItems(Optional.of("books"), 10)).isEmpty();
        assertThatThrownBy(() -> catalog.newestItems(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void aDeletedItemIsNoLongerAmongTheNewest() {
        catalog.save(List.of(Item.of(ItemId.of("kept"), Set.of(), CREATED),
                Item.of(ItemId.of("deleted"), Set.of(), CREATED.plusSeconds(60))));

        catalog.deleteItem(ItemId.of("deleted"));

        assertThat(newestIds(Optional.empty(), 10)).containsExactly("kept");
    }

    private List<String> newestIds(Optional<String> category, int limit) {
        return catalog.newestItems(category, limit).stream().map(item -> item.id().value()).toList();
    }

    @Test
    void pagesFollowTheIdOrderAfterTheGivenId() {
        catalog.save(List.of(Item.of(ItemId.of("c"), Set.of(), CREATED), Item.of(ItemId.of("a"), Set.of(), CREATED),
                Item.of(ItemId.of("d"), Set.of(), CREATED), Item.of(ItemId.of("b"), Set.of(), CREATED)));

        assertThat(catalog.itemsAfter(Optional.empty(), 3)).extracting(item -> item.id().value())
                .containsExactly("a", "b", "c");
        assertThat(catalog.itemsAfter(Optional.of(ItemId.of("c")), 3)).extracting(item -> item.id().value())
                .containsExactly("d");
        assertThat(catalog.itemsAfter(Optional.of(ItemId.of("bb")), 1)).extracting(item -> item.id().value())
                .containsExactly("c");
        assertThatThrownBy(() -> catalog.itemsAfter(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
