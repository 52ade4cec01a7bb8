package io.tandem.adapters.out.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.tandem.application.access.port.out.ListApiKeysPort;
import io.tandem.application.access.port.out.LoadApiKeyPort;
import io.tandem.application.access.port.out.RevokeApiKeyPort;
import io.tandem.application.access.port.out.SaveApiKeyPort;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The key store as rows of {@code api_keys} (ADR-0027): the secret's hash only, never the secret. */
public final class JdbcApiKeysAdapter implements SaveApiKeyPort, LoadApiKeyPort, ListApiKeysPort, RevokeApiKeyPort {

    private static final String COLUMNS = "id, name, scopes, secret_sha256, created_at, revoked_at, rate_per_second,"
            + " rate_burst";
    /** SQLSTATE of a unique-key violation, the same in PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final TransactionOperations<Connection> transactions;

    public JdbcApiKeysAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void saveApiKey(ApiKey key) {
        try {
            insert(key);
        } catch (DuplicateKeyId e) {
            throw new IllegalStateException("a key with id " + key.id() + " already exists");
        }
    }

    /** Thrown out of the transaction, so it is rolled back rather than committed after a failed statement. */
    private static final class DuplicateKeyId extends RuntimeException {
        DuplicateKeyId() {
            super(null, null, false, false);
        }
    }

    private void insert(ApiKey key) {
        SqlTransactions.write(transactions, "saving key " + key.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_keys (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key.id().value());
                insert.setString(2, key.name());
                insert.setString(3, key.scopes().stream().map(Scope::label).collect(Collectors.joining(",")));
                insert.setString(4, key.secretHash());
                insert.setObject(5, SqlTimestamps.of(key.createdAt()));
                insert.setObject(6, key.revokedAt().map(SqlTimestamps::of).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
                if (key.rateLimit().isPresent()) {
                    insert.setInt(7, key.rateLimit().get().perSecond());
                    insert.setInt(8, key.rateLimit().get().burst());
                } else {
                    insert.setNull(7, Types.INTEGER);
                    insert.setNull(8, Types.INTEGER);
                }
                return insert.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new DuplicateKeyId();
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<ApiKey> loadApiKey(ApiKeyId id) {
        return SqlTransactions.read(transactions, "reading key " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM api_keys WHERE id = ?")) {
                select.setString(1, id.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(key(rows)) : Optional.<ApiKey>empty();
                }
            }
        });
    }

    @Override
    public List<ApiKey> listApiKeys() {
        return SqlTransactions.read(transactions, "listing keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM api_keys ORDER BY created_at, id"); ResultSet rows = select.executeQuery()) {
                List<ApiKey> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(key(rows));
                }
                return keys;
            }
        });
    }

    @Override
    public boolean revokeApiKey(ApiKeyId id, Instant at) {
        return SqlTransactions.write(transactions, "revoking key " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")) {
                update.setObject(1, SqlTimestamps.of(at));
                update.setString(2, id.value());
                return update.executeUpdate() > 0;
            }
        });
    }

    private static ApiKey key(ResultSet row) throws SQLException {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(row.getString("scopes").split(",")).map(label -> Scope.parse("scopes", label))
                .forEach(scopes::add);
        int perSecond = row.getInt("rate_per_second");
        Optional<RateLimit> limit = row.wasNull() ? Optional.empty()
                : Optional.of(new RateLimit(perSecond, row.getInt("rate_burst")));
        return new ApiKey(new ApiKeyId(row.getString("id")), row.getString("name"), scopes,
                row.getString("secret_sha256"), instant(row, "created_at").orElseThrow(), instant(row, "revoked_at"),
                limit);
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
