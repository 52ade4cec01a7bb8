package io.tandem.adapters.out.jdbc;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.tandem.application.catalog.ItemFixture.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the jdbc catalog and event-id claims promise beyond their ports' contracts ({@link JdbcStoreContracts}), whatever
 * the database: migrations run once, instants keep microseconds, and claims survive a restart. Each subclass supplies a
 * fresh, empty database for its test class and removes it afterwards; the helpers here start the Micronaut context
 * the adapters run in, as in production.
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
    void createdAtIsKeptToTheMicrosecond() {
        Item item = anItem("item-1").createdAt(Instant.parse("2024-05-17T08:30:12.123456789Z")).build();

        catalog.save(List.of(item));

        assertThat(catalog.loadItems(List.of(item.id())).get(item.id()).createdAt())
                .isEqualTo(Instant.parse("2024-05-17T08:30:12.123456Z"));
    }

    /**
     * The promise incremental refreshes rest on (ADR-0036): a catalogue write cannot commit while an earlier one holds
     * the version uncommitted, so versions become visible in order. Another instance's write is played by a raw
     * transaction; if the save did not wait for it, it would be done before that transaction commits.
     */
    @Test
    void aCatalogueWriteWaitsForAnUncommittedOneAndTakesTheVersionAfterIt() throws Exception {
        long before = catalog.catalogVersion();
        CompletableFuture<Void> save;
        try (Connection other = connect(database)) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeUpdate("UPDATE catalog_version SET version = version + 1 WHERE id = 1");
            }
            save = CompletableFuture.runAsync(() -> catalog.save(List.of(anItem("item-1").build())));
            Thread.sleep(300);

            assertThat(save).as("the save waits for the uncommitted version").isNotDone();
            assertThat(catalog.catalogVersion()).isEqualTo(before);
            other.commit();
        }
        save.get(30, TimeUnit.SECONDS);

        assertThat(catalog.catalogVersion()).isEqualTo(before + 2);
        assertThat(catalog.changesAfter(before + 1, 10).saved()).extracting(Item::id)
                .containsExactly(ItemId.of("item-1"));
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

    static JdbcCatalogAdapter catalogIn(ApplicationContext context) {
        return new JdbcCatalogAdapter(transactionsIn(context), context.getBean(ItemRowRepository.class),
                context.getBean(UserRowRepository.class));
    }

    static JdbcEventIdsAdapter eventIdsIn(ApplicationContext context) {
        return new JdbcEventIdsAdapter(transactionsIn(context));
    }

    static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    private static Set<EventId> eventIds(String... values) {
        return List.of(values).stream().map(EventId::new).collect(Collectors.toSet());
    }
}
