package io.tandem.adapters.out.jdbc;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the jdbc adapters promise, whatever the database: each subclass supplies a fresh, empty database
 * for its test class and removes it afterwards. The adapters run inside a Micronaut context, as in
 * production, because their reads are Micronaut Data repositories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcAdaptersContract {

    private static final Instant CREATED = Instant.parse("2024-05-17T08:30:12.123456Z");

    /** How to reach the database of one test class. */
    record Database(String url, String username, String password) {
    }

    private Database database;
    private int migratedAtStart;
    private ApplicationContext context;
    private JdbcCatalogAdapter catalog;
    private JdbcEventIdsAdapter eventIds;

    /** Creates an empty database (or schema) that only this test class uses. */
    abstract Database createDatabase() throws SQLException;

    /** Removes what {@link #createDatabase()} created. */
    abstract void dropDatabase(Database database) throws SQLException;

    @BeforeAll
    void startContext() throws SQLException {
        database = createDatabase();
        context = start(database);
        migratedAtStart = JdbcSchema.migrate(context.getBean(DataSource.class));
        catalog = catalogIn(context);
        eventIds = eventIdsIn(context);
    }

    @AfterAll
    void stopContext() throws SQLException {
        if (context != null) {
            context.close();
        }
        if (database != null) {
            dropDatabase(database);
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM items");
            statement.execute("DELETE FROM users");
            statement.execute("DELETE FROM event_ids");
        }
    }

    @Test
    void migrationsRunOnceOnAnEmptyDatabaseAndThenAreUpToDate() {
        assertThat(migratedAtStart).isPositive();
        assertThat(JdbcSchema.migrate(context.getBean(DataSource.class))).isZero();
    }

    @Test
    void savedItemsLoadWithEveryField() {
        Item full = new Item(ItemId.of("item-1"), Set.of("books", "sci-fi"), Set.of("new", "signed"), CREATED,
                false, Map.of("price", "12.50", "title", "Quote \" and \\ and ünïcødé", "empty", ""));
        Item bare = new Item(ItemId.of("item-2"), Set.of(), Set.of(), CREATED, true, Map.of());

        catalog.save(List.of(full, bare));

        assertThat(catalog.loadItems(List.of(full.id(), bare.id())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(full.id(), full, bare.id(), bare));
    }

    @Test
    void savingAnItemAgainReplacesIt() {
        Item first = new Item(ItemId.of("item-1"), Set.of("books", "sci-fi"), Set.of("new"), CREATED, true,
                Map.of("price", "12.50", "colour", "red"));
        Item second = new Item(ItemId.of("item-1"), Set.of("games"), Set.of(), CREATED.plusSeconds(60), false,
                Map.of("price", "9.99"));

        catalog.save(List.of(first));
        catalog.save(List.of(second));

        assertThat(catalog.loadItems(List.of(first.id()))).containsExactlyEntriesOf(Map.of(second.id(), second));
        assertThat(catalog.countItems()).isEqualTo(1);
    }

    @Test
    void ofOneIdSavedTwiceInABatchTheLastWins() {
        Item first = Item.of(ItemId.of("item-1"), Set.of("books"), CREATED);
        Item last = Item.of(ItemId.of("item-1"), Set.of("games"), CREATED);

        catalog.save(List.of(first, Item.of(ItemId.of("item-2"), Set.of(), CREATED), last));

        assertThat(catalog.loadItems(List.of(last.id())).get(last.id())).isEqualTo(last);
        assertThat(catalog.countItems()).isEqualTo(2);
    }

    @Test
    void createdAtIsKeptToTheMicrosecond() {
        Item item = Item.of(ItemId.of("item-1"), Set.of(), Instant.parse("2024-05-17T08:30:12.123456789Z"));

        catalog.save(List.of(item));

        assertThat(catalog.loadItems(List.of(item.id())).get(item.id()).createdAt())
                .isEqualTo(Instant.parse("2024-05-17T08:30:12.123456Z"));
    }

    @Test
    void aBatchOfTenThousandItemsIsSavedAndLoadedInOneCallEach() {
        List<Item> batch = IntStream.range(0, 10_000)
                .mapToObj(i -> new Item(ItemId.of("item-" + i), Set.of("category-" + i % 20), Set.of("tag-" + i % 7),
                        CREATED.plusSeconds(i), i % 3 != 0, Map.of("rank", Integer.toString(i))))
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
    void idsNotInTheCatalogAreAbsentFromTheAnswer() {
        Item known = Item.of(ItemId.of("known"), Set.of("books"), CREATED);
        catalog.save(List.of(known));

        assertThat(catalog.loadItems(List.of(ItemId.of("unknown"), known.id(), ItemId.of("also-unknown"))))
                .containsOnlyKeys(known.id());
        assertThat(catalog.loadItems(List.of(ItemId.of("unknown")))).isEmpty();
        assertThat(catalog.loadItems(List.of())).isEmpty();
    }

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
        catalog.save(IntStream.range(0, 50)
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
    void theWholeCatalogIsReadPageByPageInIdOrderWithEveryField() {
        Item full = new Item(ItemId.of("item-007"), Set.of("books"), Set.of("signed"), CREATED, false,
                Map.of("title", "Dune"));
        List<Item> saved = new java.util.ArrayList<>(IntStream.range(0, 23)
                .filter(i -> i != 7)
                .mapToObj(i -> Item.of(ItemId.of(String.format("item-%03d", i)), Set.of(), CREATED))
                .toList());
        saved.add(full);
        catalog.save(saved);

        List<String> read = new java.util.ArrayList<>();
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
        assertThatThrownBy(() -> catalog.itemsAfter(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void deletingAnItemRemovesItAndSaysWhetherItWasThere() {
        Item kept = Item.of(ItemId.of("kept"), Set.of(), CREATED);
        Item deleted = Item.of(ItemId.of("deleted"), Set.of(), CREATED);
        catalog.save(List.of(kept, deleted));

        assertThat(catalog.deleteItem(deleted.id())).isTrue();
        assertThat(catalog.deleteItem(deleted.id())).isFalse();
        assertThat(catalog.deleteItem(ItemId.of("never-saved"))).isFalse();
        assertThat(catalog.loadItems(List.of(kept.id(), deleted.id()))).containsOnlyKeys(kept.id());
    }

    @Test
    void usersAreSavedReplacedAndLoaded() {
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
        assertThat(catalog.countItems()).isZero();
        assertThat(catalog.countUsers()).isZero();

        catalog.save(List.of(Item.of(ItemId.of("a"), Set.of(), CREATED), Item.of(ItemId.of("b"), Set.of(), CREATED),
                Item.of(ItemId.of("c"), Set.of(), CREATED)));
        catalog.saveUsers(List.of(new User(UserId.of("u"), Map.of())));
        catalog.deleteItem(ItemId.of("b"));

        assertThat(catalog.countItems()).isEqualTo(2);
        assertThat(catalog.countUsers()).isEqualTo(1);
    }

    @Test
    void emptyBatchesChangeNothing() {
        catalog.save(List.of());
        catalog.saveUsers(List.of());
        eventIds.release(List.of());

        assertThat(eventIds.claim(List.of())).isEmpty();
        assertThat(catalog.countItems()).isZero();
        assertThat(catalog.countUsers()).isZero();
    }

    @Test
    void aClaimWinsOnlyTheIdsNotClaimedBefore() {
        assertThat(eventIds.claim(eventIds("e1", "e2", "e2"))).containsExactlyInAnyOrderElementsOf(eventIds("e1", "e2"));
        assertThat(eventIds.claim(eventIds("e2", "e3"))).containsExactly(new EventId("e3"));
        assertThat(eventIds.claim(eventIds("e1", "e2", "e3"))).isEmpty();
    }

    @Test
    void theLongestEventIdsTheInputContractAllowsAreClaimed() {
        // 256 bytes of UTF-8 (ADR-0019): 256 ASCII characters, or 64 four-byte ones.
        EventId ascii = new EventId("e".repeat(256));
        EventId astral = new EventId("😀".repeat(64));

        assertThat(eventIds.claim(List.of(ascii, astral))).containsExactlyInAnyOrder(ascii, astral);
        assertThat(eventIds.claim(List.of(ascii, astral))).isEmpty();
    }

    @Test
    void anItemAtTheLimitsOfTheInputContractIsSavedAndLoadedWhole() {
        Set<String> categories = IntStream.range(0, 100).mapToObj(i -> "c".repeat(250) + i)
                .collect(java.util.stream.Collectors.toSet());
        Map<String, String> attributes = IntStream.range(0, 100).boxed()
                .collect(java.util.stream.Collectors.toMap(i -> "k".repeat(250) + i, i -> "v".repeat(1024)));
        Item largest = new Item(ItemId.of("i".repeat(256)), categories, categories,
                java.time.Instant.parse("1583-01-01T00:00:00Z"), true, attributes);

        catalog.save(List.of(largest));

        assertThat(catalog.loadItems(List.of(largest.id()))).containsEntry(largest.id(), largest);
    }

    @Test
    void ofTwoConcurrentClaimsOfTheSameIdsExactlyOneWinsEachId() throws Exception {
        List<EventId> shared = IntStream.range(0, 2_000).mapToObj(i -> new EventId("shared-" + i)).toList();
        List<EventId> onlyFirst = IntStream.range(0, 200).mapToObj(i -> new EventId("first-" + i)).toList();
        List<EventId> onlySecond = IntStream.range(0, 200).mapToObj(i -> new EventId("second-" + i)).toList();
        List<EventId> firstClaim = new ArrayList<>(shared);
        firstClaim.addAll(onlyFirst);
        // The other order: lock ordering inside the adapter must keep the two from deadlocking.
        List<EventId> secondClaim = new ArrayList<>(onlySecond);
        secondClaim.addAll(shared);
        Collections.reverse(secondClaim);

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Set<EventId>> first = threads.submit(() -> {
                start.await();
                return eventIds.claim(firstClaim);
            });
            Future<Set<EventId>> second = threads.submit(() -> {
                start.await();
                return eventIds.claim(secondClaim);
            });
            Set<EventId> firstWon = first.get(1, TimeUnit.MINUTES);
            Set<EventId> secondWon = second.get(1, TimeUnit.MINUTES);

            assertThat(firstWon).doesNotContainAnyElementsOf(secondWon).containsAll(onlyFirst);
            assertThat(secondWon).containsAll(onlySecond);
            Set<EventId> all = new HashSet<>(firstWon);
            all.addAll(secondWon);
            assertThat(all).hasSize(shared.size() + onlyFirst.size() + onlySecond.size()).containsAll(shared);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void claimsSurviveARestart() {
        Set<EventId> ids = eventIds("before-restart-1", "before-restart-2");
        try (ApplicationContext before = start(database)) {
            assertThat(eventIdsIn(before).claim(ids)).isEqualTo(ids);
        }
        try (ApplicationContext after = start(database)) {
            JdbcEventIdsAdapter restarted = eventIdsIn(after);

            assertThat(restarted.claim(ids)).isEmpty();
            assertThat(restarted.claim(eventIds("before-restart-1", "after-restart")))
                    .containsExactly(new EventId("after-restart"));
        }
    }

    @Test
    void releasedIdsCanBeClaimedAgain() {
        eventIds.claim(eventIds("kept", "released-1", "released-2"));

        eventIds.release(eventIds("released-1", "released-2", "never-claimed"));

        assertThat(eventIds.claim(eventIds("kept", "released-1", "released-2")))
                .containsExactlyInAnyOrderElementsOf(eventIds("released-1", "released-2"));
    }

    static ApplicationContext start(Database database) {
        return ApplicationContext.run(Map.of(
                "datasources.default.url", database.url(),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password(),
                "datasources.default.maximum-pool-size", 4));
    }

    @SuppressWarnings("unchecked")
    static TransactionOperations<Connection> transactionsIn(ApplicationContext context) {
        return context.getBean(Argument.of(TransactionOperations.class, Connection.class));
    }

    private static JdbcCatalogAdapter catalogIn(ApplicationContext context) {
        return new JdbcCatalogAdapter(transactionsIn(context), context.getBean(ItemRowRepository.class),
                context.getBean(UserRowRepository.class));
    }

    private static JdbcEventIdsAdapter eventIdsIn(ApplicationContext context) {
        return new JdbcEventIdsAdapter(transactionsIn(context));
    }

    static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    private List<String> newestIds(Optional<String> category, int limit) {
        return catalog.newestItems(category, limit).stream().map(item -> item.id().value()).toList();
    }

    private static Set<EventId> eventIds(String... values) {
        return List.of(values).stream().map(EventId::new).collect(Collectors.toSet());
    }
}
