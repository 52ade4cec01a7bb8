package io.tandem.adapters.out.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.tandem.application.experiment.port.out.LoadServedListsPort;
import io.tandem.application.experiment.port.out.RecordServedListPort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.experiment.interleaving.Team;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * The lists served inside experiments in Redis, one string per request with a TTL (ADR-0026):
 * <pre>
 * P served:{req:&lt;requestId&gt;}   STRING  the list, fields separated by U+001F, with TTL
 * </pre>
 * Each key holds one request and carries its own hash tag, so on Redis Cluster every command here touches one slot;
 * a batch read sends one {@code GET} per request, pipelined on the connection. The fields are the format's version,
 * request id, experiment, group, user, the served time (epoch second and nanosecond), the latency in nanoseconds,
 * the fallback flag, the number of items, then position, propensity, team ({@code A}, {@code B}, or empty outside an
 * interleaved list) and item id for each item; format 1, written before interleaving, has no team. Ids are canonical
 * (ADR-0019) and names are restricted, so none holds a control character and the separator needs no escaping;
 * doubles are written by {@link Double#toString(double)}, which reads back to the same bits.
 */
public final class RedisServedListsAdapter implements RecordServedListPort, LoadServedListsPort, AutoCloseable {

    /** Requests per pipelined batch read. */
    static final int READS_PER_BATCH = 500;

    private static final String FORMAT = "2";
    /** Lists written before interleaving: items without a team. */
    private static final String FORMAT_WITHOUT_TEAMS = "1";
    private static final char SEPARATOR = '\u001f';
    private static final int HEADER_FIELDS = 10;

    private final RedisLink redis;
    private final String prefix;
    private final SetArgs expiry;

    /** @param ttl how long a list is kept after it is recorded: longer than the attribution window */
    public RedisServedListsAdapter(RedisClientSettings settings, Duration ttl) {
        Objects.requireNonNull(settings, "settings");
        if (ttl == null || ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("ttl must be at least one second");
        }
        this.prefix = settings.keyPrefix();
        this.expiry = SetArgs.Builder.ex(ttl.toSeconds());
        this.redis = new RedisLink(settings);
    }

    @Override
    public void recordServedList(ServedList list) {
        String value = encode(list);
        redis.call(commands -> commands.set(key(list.requestId()), value, expiry));
    }

    @Override
    public Map<String, ServedList> loadServedLists(Collection<String> requestIds) {
        List<String> ids = List.copyOf(requestIds);
        Map<String, ServedList> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += READS_PER_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + READS_PER_BATCH));
            List<RedisFuture<String>> reads = new ArrayList<>(batch.size());
            // Replies on one connection come in the order of the commands: once the last read is answered, every
            // earlier one is too.
            redis.call(commands -> {
                for (String id : batch) {
                    reads.add(commands.get(key(id)));
                }
                return reads.get(reads.size() - 1);
            });
            for (int i = 0; i < batch.size(); i++) {
                String value = answered(reads.get(i));
                if (value != null) {
                    try {
                        found.put(batch.get(i), decode(value));
                    } catch (RuntimeException e) {
                        // A value this adapter cannot read (another format, a hand edit) is no served list: its
                        // follow-ups count as an unknown request rather than stop the consumer that asked.
                        continue;
                    }
                }
            }
        }
        return found;
    }

    private static String answered(RedisFuture<String> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnlineStoreUnavailableException("interrupted while reading served lists", e);
        } catch (ExecutionException e) {
            throw new OnlineStoreUnavailableException("Redis failed to read a served list: "
                    + e.getCause().getMessage(), e);
        }
    }

    String key(String requestId) {
        return prefix + "served:{req:" + requestId + "}";
    }

    static String encode(ServedList list) {
        StringBuilder out = new StringBuilder(64 + list.items().size() * 24);
        out.append(FORMAT).append(SEPARATOR).append(list.requestId()).append(SEPARATOR).append(list.experiment())
                .append(SEPARATOR).append(list.variant()).append(SEPARATOR).append(list.user().value())
                .append(SEPARATOR).append(list.servedAt().getEpochSecond()).append(SEPARATOR)
                .append(list.servedAt().getNano()).append(SEPARATOR).append(list.latency().toNanos())
                .append(SEPARATOR).append(list.fallback() ? '1' : '0').append(SEPARATOR).append(list.items().size());
        for (ServedItem item : list.items()) {
            out.append(SEPARATOR).append(item.position()).append(SEPARATOR).append(item.propensity())
                    .append(SEPARATOR).append(item.team().map(Team::name).orElse(""))
                    .append(SEPARATOR).append(item.item().value());
        }
        return out.toString();
    }

    static ServedList decode(String value) {
        String[] fields = value.split(String.valueOf(SEPARATOR), -1);
        boolean teams = fields.length >= HEADER_FIELDS && FORMAT.equals(fields[0]);
        if (fields.length < HEADER_FIELDS || !(teams || FORMAT_WITHOUT_TEAMS.equals(fields[0]))) {
            throw new OnlineStoreUnavailableException("a served list in Redis is not in format " + FORMAT, null);
        }
        int itemFields = teams ? 4 : 3;
        int size = Integer.parseInt(fields[9]);
        if (fields.length != HEADER_FIELDS + size * itemFields) {
            throw new OnlineStoreUnavailableException("a served list in Redis is truncated", null);
        }
        List<ServedItem> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int at = HEADER_FIELDS + i * itemFields;
            Optional<Team> team = !teams || fields[at + 2].isEmpty() ? Optional.empty()
                    : Optional.of(Team.valueOf(fields[at + 2]));
            items.add(new ServedItem(new ItemId(fields[at + itemFields - 1]), Integer.parseInt(fields[at]),
                    Double.parseDouble(fields[at + 1]), team));
        }
        return new ServedList(fields[1], fields[2], fields[3], new UserId(fields[4]),
                Instant.ofEpochSecond(Long.parseLong(fields[5]), Long.parseLong(fields[6])), items,
                Duration.ofNanos(Long.parseLong(fields[7])), "1".equals(fields[8]));
    }

    @Override
    public void close() {
        redis.close();
    }
}
