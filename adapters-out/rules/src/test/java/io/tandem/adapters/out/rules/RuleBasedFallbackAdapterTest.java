package io.tandem.adapters.out.rules;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.fallback.FallbackRules;
import io.tandem.domain.fallback.FallbackTier;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.retrieval.ScoredItem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static io.tandem.application.catalog.ItemFixture.anItem;
import static io.tandem.domain.fallback.FallbackTier.NEWEST;
import static io.tandem.domain.fallback.FallbackTier.PINNED;
import static io.tandem.domain.fallback.FallbackTier.POPULAR_IN_USER_CATEGORIES;
import static io.tandem.domain.fallback.FallbackTier.TRENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleBasedFallbackAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final int DEPTH = 20;

    // The stores behind the ports, which the lambda fakes read at call time.
    private final Map<Optional<String>, List<ScoredItem>> popularity = new HashMap<>();
    private final List<Item> newestItems = new ArrayList<>();
    private final Map<ItemId, Item> catalog = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private RuntimeException failure;
    private int catalogReads;
    private int failingCatalogRead = Integer.MAX_VALUE;

    @Test
    void tiersAreWalkedInTheConfiguredOrderEachItemLabelledWithItsTier() {
        givenCatalog(item("pin", "books"), item("cat-1", "books"), item("hot-1", "games", "books"),
                item("new-1", "toys"));
        givenPopular(Optional.empty(), "hot-1");
        givenPopular(Optional.of("books"), "cat-1");
        givenNewest("new-1");
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(FallbackTier.values()), "pin"));

        List<RankedItem> answer = fallback.recommend(query(10, List.of("books")));

        assertThat(answer).extracting(r -> r.item().value()).containsExactly("pin", "cat-1", "hot-1", "new-1");
        assertThat(answer).extracting(RankedItem::sources).containsExactly(List.of("pinned"),
                List.of("popular-in-user-categories"), List.of("trending"), List.of("newest"));
    }

    @Test
    void anotherOrderOfTiersChangesTheAnswerAndALeftOutTierIsNotUsed() {
        givenCatalog(item("pin"), item("hot-1"), item("new-1"));
        givenPopular(Optional.empty(), "hot-1");
        givenNewest("new-1");
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(NEWEST, TRENDING), "pin"));

        assertThat(ids(fallback.recommend(query(10, List.of())))).containsExactly("new-1", "hot-1");
    }

    @Test
    void ranksCountFromOneAndScoresDecreaseWithRank() {
        givenCatalog(item("a"), item("b"), item("c"));
        givenPopular(Optional.empty(), "a", "b", "c");
        RuleBasedFallbackAdapter fallback = refreshed(FallbackRules.defaults());

        List<RankedItem> answer = fallback.recommend(query(3, List.of()));

        assertThat(answer).extracting(RankedItem::rank).containsExactly(1, 2, 3);
        assertThat(answer).extracting(RankedItem::score).containsExactly(1.0, 0.5, 1.0 / 3);
    }

    @Test
    void unwantedItemsAreSkippedInEveryTier() {
        givenCatalog(item("pin-1", "books"), item("pin-2", "books"), item("cat-1", "books"), item("cat-2", "books"),
                item("hot-1", "books"), item("hot-2"), item("new-1"), item("new-2"));
        givenPopular(Optional.empty(), "hot-1", "hot-2");
        givenPopular(Optional.of("books"), "cat-1", "cat-2");
        givenNewest("new-1", "new-2");
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(FallbackTier.values()), "pin-1", "pin-2"));

        List<RankedItem> answer = fallback.recommend(new FallbackQuery(10, Optional.empty(),
                ids("pin-1", "cat-2", "hot-1", "new-2"), List.of("books")));

        assertThat(ids(answer)).containsExactly("pin-2", "cat-1", "hot-2", "new-1");
    }

    @Test
    void anAskedCategoryKeepsOnlyItemsKnownToBeInItInEveryTier() {
        givenCatalog(item("pin-books", "books"), item("pin-games", "games"), item("cat-books", "books", "games"),
                item("cat-toys", "toys"), item("hot-books", "books"), item("hot-games", "games"),
                item("new-books", "books"), item("new-games", "games"));
        givenPopular(Optional.empty(), "hot-games", "hot-books", "from-events-only");
        givenPopular(Optional.of("toys"), "cat-toys");
        givenPopular(Optional.of("games"), "hot-games", "cat-books");
        givenPopular(Optional.of("books"), "hot-books", "cat-books");
        givenNewest("new-games", "new-books");
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(FallbackTier.values()), "pin-games",
                "pin-books"));

        List<RankedItem> answer = fallback.recommend(new FallbackQuery(10, Optional.of("books"), Set.of(),
                List.of("toys", "games")));

        assertThat(ids(answer)).containsExactly("pin-books", "cat-books", "hot-books", "new-books");
    }

    @Test
    void anAskedCategoryDrawsTrendingItemsFromThatCategorysDeeperList() {
        List<String> overall = IntStream.range(0, DEPTH).mapToObj(i -> "games-" + i).toList();
        overall.forEach(id -> givenCatalog(item(id, "games")));
        // The one item of the overall top DEPTH in "books", which makes it a category seen among popular items.
        givenCatalog(item("games-0", "games", "books"), item("hot-books", "books"), item("less-hot-books", "books"));
        givenPopular(Optional.empty(), overall.toArray(String[]::new));
        givenPopular(Optional.of("games"), overall.toArray(String[]::new));
        // Below the overall top DEPTH, yet among the most popular of their category.
        givenPopular(Optional.of("books"), "games-0", "hot-books", "less-hot-books");
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(TRENDING)));

        List<RankedItem> answer = fallback.recommend(new FallbackQuery(10, Optional.of("books"), Set.of(),
                List.of()));

        assertThat(ids(answer)).containsExactly("games-0", "hot-books", "less-hot-books");
        assertThat(answer).allSatisfy(item -> assertThat(item.sources()).containsExactly("trending"));
    }

    @Test
    void unavailableItemsAreSkippedWhereverTheyAppear() {
        givenCatalog(item("cat-available", "books"), unavailable("cat-gone", "books"), item("hot-available", "books"),
                unavailable("hot-gone", "books"), item("new-available"));
        givenPopular(Optional.empty(), "hot-gone", "hot-available");
        givenPopular(Optional.of("books"), "cat-gone", "hot-gone", "cat-available");
        givenNewest("new-available");
        RuleBasedFallbackAdapter fallback = refreshed(FallbackRules.defaults());

        assertThat(ids(fallback.recommend(query(10, List.of("books")))))
                .containsExactly("cat-available", "hot-available", "new-available");
    }

    @Test
    void anUnavailableNewestItemIsSkippedThoughTheNewestReadReturnedIt() {
        Item sold = unavailable("sold", "books");
        newestItems.add(sold);
        newestItems.add(item("fresh"));
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(NEWEST)));

        assertThat(ids(fallback.recommend(query(10, List.of())))).containsExactly("fresh");
    }

    @Test
    void itemsKnownOnlyFromEventsAreNeverServed() {
        givenCatalog(item("known", "books"));
        givenPopular(Optional.empty(), "from-events", "known");
        RuleBasedFallbackAdapter fallback = refreshed(FallbackRules.defaults());

        // Popularity counts any item id a client sent; only catalog items are shown (ADR-0019).
        assertThat(ids(fallback.recommend(query(10, List.of())))).containsExactly("known");
        assertThat(ids(fallback.recommend(new FallbackQuery(10, Optional.of("books"), Set.of(), List.of()))))
                .containsExactly("known");
    }

    @Test
    void anItemFoundByTwoTiersAppearsOnceWithTheFirstTiersLabel() {
        givenCatalog(item("pin", "books"), item("both", "books"), item("hot"));
        givenPopular(Optional.empty(), "both", "pin", "hot");
        givenPopular(Optional.of("books"), "pin", "both");
        givenNewest("hot", "both", "pin");
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(FallbackTier.values()), "pin", "pin"));

        List<RankedItem> answer = fallback.recommend(query(10, List.of("books")));

        assertThat(ids(answer)).containsExactly("pin", "both", "hot");
        assertThat(answer).extracting(r -> r.sources().get(0))
                .containsExactly("pinned", "popular-in-user-categories", "trending");
    }

    @Test
    void aPinnedItemThatIsUnavailableOrDeletedIsSkipped() {
        givenCatalog(item("pin-ok"), unavailable("pin-unavailable"));
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(PINNED), "pin-unavailable", "pin-deleted",
                "pin-ok"));

        assertThat(ids(fallback.recommend(query(10, List.of())))).containsExactly("pin-ok");
    }

    @Test
    void beforeTheFirstRefreshOnlyPinnedItemsAnswerTakenAsAvailable() {
        givenPopular(Optional.empty(), "hot");
        givenNewest("new");
        RuleBasedFallbackAdapter fallback = adapter(rules(List.of(FallbackTier.values()), "pin-1", "pin-2"));

        assertThat(ids(fallback.recommend(query(10, List.of("books"))))).containsExactly("pin-1", "pin-2");
        assertThat(calls).isEmpty();
    }

    @Test
    void aFailedRefreshReturnsFalseAndKeepsThePreviousSnapshot() {
        givenCatalog(item("hot-1"), item("hot-2"));
        givenPopular(Optional.empty(), "hot-1", "hot-2");
        RuleBasedFallbackAdapter fallback = refreshed(FallbackRules.defaults());
        givenPopular(Optional.empty(), "would-replace");
        failure = new IllegalStateException("Redis is down");

        assertThat(fallback.refresh()).isFalse();
        assertThat(ids(fallback.recommend(query(10, List.of())))).containsExactly("hot-1", "hot-2");
    }

    @Test
    void aFailureInTheLastReadOfARefreshAlsoKeepsThePreviousSnapshot() {
        givenCatalog(item("hot", "books"), item("new-hot"), item("only-in-books", "books"));
        givenPopular(Optional.empty(), "hot");
        RuleBasedFallbackAdapter fallback = refreshed(FallbackRules.defaults());
        givenPopular(Optional.empty(), "hot", "new-hot");
        givenPopular(Optional.of("books"), "only-in-books");
        // The first refresh read the catalog once; the second fails at its second read, after all the others.
        failingCatalogRead = 3;

        assertThat(fallback.refresh()).isFalse();
        assertThat(calls).endsWith("popular books", "catalog");
        assertThat(ids(fallback.recommend(query(10, List.of("books"))))).containsExactly("hot");
    }

    @Test
    void aRequestAfterAFailedFirstRefreshStillAnswersWithThePinnedItems() {
        failure = new IllegalStateException("database is down");
        RuleBasedFallbackAdapter fallback = adapter(rules(List.of(FallbackTier.values()), "pin"));

        assertThat(fallback.refresh()).isFalse();
        assertThat(ids(fallback.recommend(query(5, List.of("books"))))).containsExactly("pin");
    }

    @Test
    void aRequestCallsNoPort() {
        givenCatalog(item("pin", "books"), item("cat", "books"), item("hot", "books"), item("new"));
        givenPopular(Optional.empty(), "hot");
        givenPopular(Optional.of("books"), "cat");
        givenNewest("new");
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(FallbackTier.values()), "pin"));
        calls.clear();
        failure = new IllegalStateException("every store is down");

        assertThat(ids(fallback.recommend(query(10, List.of("books"))))).containsExactly("pin", "cat", "hot", "new");
        assertThat(calls).isEmpty();
    }

    @Test
    void theCategoryTierTakesTheUsersTopCategoriesInTurnBestFirst() {
        for (String category : List.of("books", "games", "toys", "music")) {
            givenCatalog(item(category + "-1", category), item(category + "-2", category));
            givenPopular(Optional.of(category), category + "-1", category + "-2");
        }
        givenPopular(Optional.empty(), "music-1", "toys-1", "games-1", "books-1");
        RuleBasedFallbackAdapter fallback = refreshed(new FallbackRules(List.of(POPULAR_IN_USER_CATEGORIES),
                List.of(), 3));

        assertThat(ids(fallback.recommend(query(10, List.of("toys", "books", "games", "music")))))
                .containsExactly("toys-1", "books-1", "games-1", "toys-2", "books-2", "games-2");
        assertThat(ids(fallback.recommend(query(4, List.of("games", "unknown-category", "books")))))
                .containsExactly("games-1", "books-1", "games-2", "books-2");
    }

    @Test
    void aCategoryWhoseItemsAreFilteredOutDoesNotStopTheOthers() {
        givenCatalog(item("books-1", "books"), item("books-2", "books"), item("games-1", "games"),
                item("games-2", "games"));
        givenPopular(Optional.empty(), "books-1", "games-1");
        givenPopular(Optional.of("books"), "books-1", "books-2");
        givenPopular(Optional.of("games"), "games-1", "games-2");
        RuleBasedFallbackAdapter fallback = refreshed(rules(List.of(POPULAR_IN_USER_CATEGORIES)));

        assertThat(ids(fallback.recommend(new FallbackQuery(10, Optional.empty(), ids("books-1", "books-2"),
                List.of("books", "games"))))).containsExactly("games-1", "games-2");
    }

    @Test
    void fewerItemsThanAskedWhenEveryTierRunsDry() {
        givenCatalog(item("hot"), item("new"));
        givenPopular(Optional.empty(), "hot");
        givenNewest("new");
        RuleBasedFallbackAdapter fallback = refreshed(FallbackRules.defaults());

        assertThat(ids(fallback.recommend(query(10, List.of("books"))))).containsExactly("hot", "new");
        assertThat(adapter(FallbackRules.defaults()).recommend(query(10, List.of()))).isEmpty();
    }

    @Test
    void theAnswerStopsAtTheCountAsked() {
        givenCatalog(item("a"), item("b"), item("c"));
        givenPopular(Optional.empty(), "a", "b", "c");
        givenNewest("a", "b", "c");
        RuleBasedFallbackAdapter fallback = refreshed(FallbackRules.defaults());

        assertThat(ids(fallback.recommend(query(2, List.of())))).containsExactly("a", "b");
    }

    @Test
    void aRefreshReadsEachListToTheDepthAsOfTheClockAndTheCatalogInBatches() {
        List<Optional<String>> popularCategoriesRead = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        List<Collection<ItemId>> catalogReads = new ArrayList<>();
        givenCatalog(item("pin"), item("hot", "books", "games"), item("books-only", "books"));
        givenPopular(Optional.empty(), "hot");
        givenPopular(Optional.of("books"), "hot", "books-only");
        RuleBasedFallbackAdapter fallback = new RuleBasedFallbackAdapter(rules(List.of(FallbackTier.values()), "pin"),
                (category, limit, at) -> {
                    assertThat(at).isEqualTo(NOW);
                    popularCategoriesRead.add(category);
                    limits.add(limit);
                    return popularity.getOrDefault(category, List.of());
                },
                (category, limit) -> {
                    assertThat(category).isEmpty();
                    limits.add(limit);
                    return List.of();
                },
                ids -> {
                    catalogReads.add(List.copyOf(ids));
                    return pick(ids);
                },
                Clock.fixed(NOW, ZoneOffset.UTC), DEPTH);

        assertThat(fallback.refresh()).isTrue();

        assertThat(popularCategoriesRead).containsExactly(Optional.empty(), Optional.of("books"),
                Optional.of("games"));
        assertThat(limits).containsOnly(DEPTH);
        assertThat(catalogReads).hasSize(2);
        assertThat(catalogReads.get(0)).containsExactlyInAnyOrder(ItemId.of("pin"), ItemId.of("hot"));
        assertThat(catalogReads.get(1)).containsExactly(ItemId.of("books-only"));
    }

    @Test
    void aRefreshReadsAtMostFiftyCategories() {
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String category = String.format("category-%02d", i);
            givenCatalog(item("item-" + i, category));
            hot.add("item-" + i);
        }
        givenPopular(Optional.empty(), hot.toArray(String[]::new));
        RuleBasedFallbackAdapter fallback = new RuleBasedFallbackAdapter(FallbackRules.defaults(),
                (category, limit, at) -> {
                    calls.add("popular " + category.orElse("overall"));
                    return popularity.getOrDefault(category, List.of());
                },
                (category, limit) -> List.of(), this::pick, Clock.fixed(NOW, ZoneOffset.UTC), 100);

        assertThat(fallback.refresh()).isTrue();

        assertThat(calls).hasSize(1 + RuleBasedFallbackAdapter.MAX_CATEGORIES)
                .startsWith("popular overall", "popular category-00", "popular category-01")
                .endsWith("popular category-49");
    }

    @Test
    void aNewSnapshotReplacesTheOldOneAtTheNextRefresh() {
        givenCatalog(item("old"), item("new"));
        givenPopular(Optional.empty(), "old");
        RuleBasedFallbackAdapter fallback = refreshed(FallbackRules.defaults());
        givenPopular(Optional.empty(), "new");

        assertThat(fallback.refresh()).isTrue();
        assertThat(ids(fallback.recommend(query(10, List.of())))).containsExactly("new");
    }

    @Test
    void requestsDuringRefreshesSeeOneWholeSnapshotOrTheOther() throws Exception {
        List<String> first = IntStream.range(0, DEPTH).mapToObj(i -> "first-" + i).toList();
        List<String> second = IntStream.range(0, DEPTH).mapToObj(i -> "second-" + i).toList();
        first.forEach(id -> givenCatalog(item(id)));
        second.forEach(id -> givenCatalog(item(id)));
        AtomicBoolean flip = new AtomicBoolean();
        RuleBasedFallbackAdapter fallback = new RuleBasedFallbackAdapter(rules(List.of(TRENDING)),
                (category, limit, at) -> scored(flip.get() ? second : first), (category, limit) -> List.of(),
                this::pick, Clock.fixed(NOW, ZoneOffset.UTC), DEPTH);
        fallback.refresh();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> refresher = threads.submit(() -> {
                while (!stop.get()) {
                    flip.set(!flip.get());
                    fallback.refresh();
                }
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        List<String> answer = ids(fallback.recommend(query(DEPTH, List.of())));
                        assertThat(answer).isIn(first, second);
                    }
                }));
            }
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
            stop.set(true);
            refresher.get(1, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDepthBelowOneIsRefused() {
        assertThatThrownBy(() -> new RuleBasedFallbackAdapter(FallbackRules.defaults(), (c, l, a) -> List.of(),
                (c, l) -> List.of(), ids -> Map.of(), Clock.systemUTC(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("depth");
    }

    private RuleBasedFallbackAdapter adapter(FallbackRules rules) {
        return new RuleBasedFallbackAdapter(rules,
                (category, limit, at) -> {
                    read("popular " + category.orElse("overall"));
                    return popularity.getOrDefault(category, List.of()).stream().limit(limit).toList();
                },
                (category, limit) -> {
                    read("newest");
                    return newestItems.stream().limit(limit).toList();
                },
                ids -> {
                    read("catalog");
                    return pick(ids);
                },
                Clock.fixed(NOW, ZoneOffset.UTC), DEPTH);
    }

    private RuleBasedFallbackAdapter refreshed(FallbackRules rules) {
        RuleBasedFallbackAdapter fallback = adapter(rules);
        assertThat(fallback.refresh()).isTrue();
        return fallback;
    }

    private void read(String call) {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
        if (call.equals("catalog") && ++catalogReads == failingCatalogRead) {
            throw new IllegalStateException("database is down");
        }
    }

    private Map<ItemId, Item> pick(Collection<ItemId> ids) {
        Map<ItemId, Item> found = new HashMap<>();
        for (ItemId id : ids) {
            Item item = catalog.get(id);
            if (item != null) {
                found.put(id, item);
            }
        }
        return found;
    }

    private void givenCatalog(Item... items) {
        for (Item item : items) {
            catalog.put(item.id(), item);
        }
    }

    private void givenPopular(Optional<String> category, String... ids) {
        popularity.put(category, scored(List.of(ids)));
    }

    private void givenNewest(String... ids) {
        for (String id : ids) {
            newestItems.add(catalog.get(ItemId.of(id)));
        }
    }

    private static List<ScoredItem> scored(List<String> ids) {
        List<ScoredItem> scored = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            scored.add(new ScoredItem(ItemId.of(ids.get(i)), ids.size() - i));
        }
        return scored;
    }

    private static Item item(String id, String... categories) {
        return Item.of(ItemId.of(id), Set.of(categories), NOW.minusSeconds(3_600));
    }

    private static Item unavailable(String id, String... categories) {
        return anItem(id).categories(categories).createdAt(NOW.minusSeconds(3_600)).unavailable().build();
    }

    private static FallbackRules rules(List<FallbackTier> tiers, String... pinned) {
        return new FallbackRules(tiers, List.of(pinned).stream().map(ItemId::of).toList(), 3);
    }

    private static FallbackQuery query(int count, List<String> userCategories) {
        return new FallbackQuery(count, Optional.empty(), Set.of(), userCategories);
    }

    private static Set<ItemId> ids(String... values) {
        Set<ItemId> ids = new HashSet<>();
        for (String value : values) {
            ids.add(ItemId.of(value));
        }
        return ids;
    }

    private static List<String> ids(List<RankedItem> answer) {
        return answer.stream().map(r -> r.item().value()).toList();
    }
}
