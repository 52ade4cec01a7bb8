package io.tandem.adapters.out.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;
import io.tandem.domain.interaction.EventId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Event-id claims as rows of {@code event_ids}, so de-duplication survives restarts and holds across
 * processes: the primary key decides which of two concurrent claims of an id inserts it.
 */
public final class JdbcEventIdsAdapter implements ClaimEventIdsPort {

    private static final String CLAIM = "INSERT INTO event_ids (id) VALUES (?) ON CONFLICT DO NOTHING";
    private static final String RELEASE = "DELETE FROM event_ids WHERE id = ?";

    private final TransactionOperations<Connection> transactions;

    public JdbcEventIdsAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Set<EventId> claim(Collection<EventId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        // Sorted: overlapping concurrent claims then lock keys in the same order and cannot deadlock.
        Map<String, EventId> byKey = new TreeMap<>();
        for (EventId id : ids) {
            byKey.put(id.value(), id);
        }
        return SqlTransactions.write(transactions, "claiming " + byKey.size() + " event ids", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
                for (String key : byKey.keySet()) {
                    insert.setString(1, key);
                    insert.addBatch();
                }
                return inserted(byKey, insert.executeBatch());
            }
        });
    }

    @Override
    public void release(Collection<EventId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<String> keys = new TreeSet<>();
        for (EventId id : ids) {
            keys.add(id.value());
        }
        // A batch of single-row deletes: "id = ANY(?)" would make H2 scan the whole array for every row.
        SqlTransactions.write(transactions, "releasing " + keys.size() + " event ids", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(RELEASE)) {
                for (String key : keys) {
                    delete.setString(1, key);
                    delete.addBatch();
                }
                return delete.executeBatch();
            }
        });
    }

    /** Each row's update count says whether this claim inserted it (1) or found it claimed already (0). */
    private static Set<EventId> inserted(Map<String, EventId> byKey, int[] counts) throws SQLException {
        if (counts.length != byKey.size()) {
            throw new SQLException("Expected " + byKey.size() + " update counts, the driver reported "
                    + counts.length);
        }
        Set<EventId> won = new LinkedHashSet<>();
        int index = 0;
        for (EventId id : byKey.values()) {
            int count = counts[index++];
            if (count == 1) {
                won.add(id);
            } else if (count != 0) {
                // Rolls the claim back: without per-row counts duplicates cannot be told from new ids.
                throw new SQLException("The driver reported update count " + count + " instead of 0 or 1 per"
                        + " claimed event id; turn off batch rewriting (PostgreSQL: reWriteBatchedInserts=false)");
            }
        }
        return won;
    }
}
