package io.tandem.adapters.out.redis;

import io.lettuce.core.ScriptOutputType;
import io.tandem.application.ingestion.port.out.ClaimEventIdsPort;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventLogUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Event-id claims in Redis, atomic across every process sharing it: one {@code SET NX EX} per id inside a
 * Lua script, so of two concurrent claims of an id exactly one wins. A failure surfaces as
 * {@link EventLogUnavailableException}, because then nothing of the batch was accepted and the client
 * should retry, which is what ingestion tells it for that exception.
 */
public final class RedisEventIdsAdapter implements ClaimEventIdsPort, AutoCloseable {

    /** How long a claim holds; longer than any client keeps retrying one event. */
    public static final Duration DEFAULT_CLAIM_TTL = Duration.ofDays(30);

    /** Ids per script call, so one large batch never blocks Redis for more than a few milliseconds. */
    static final int IDS_PER_SCRIPT = 1000;

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final RedisScript CLAIM = RedisScript.load("claim-event-ids.lua");

    private final RedisLink redis;
    private final RedisKeys keys;
    private final String[] ttlArgs;

    /** An adapter whose claims hold for {@link #DEFAULT_CLAIM_TTL}. */
    public RedisEventIdsAdapter(RedisClientSettings settings) {
        this(settings, DEFAULT_CLAIM_TTL);
    }

    /** @param claimTtl how long a claim holds (whole seconds, at least one) */
    public RedisEventIdsAdapter(RedisClientSettings settings, Duration claimTtl) {
        Objects.requireNonNull(settings, "settings");
        if (claimTtl == null || claimTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("claimTtl must be at least one second");
        }
        this.ttlArgs = new String[] {Long.toString(claimTtl.toSeconds())};
        this.keys = new RedisKeys(settings.keyPrefix());
        this.redis = new RedisLink(settings);
    }

    @Override
    public Set<EventId> claim(Collection<EventId> ids) {
        EventId[] all = ids.toArray(new EventId[0]);
        Set<EventId> won = new LinkedHashSet<>(all.length * 2);
        for (int from = 0; from < all.length; from += IDS_PER_SCRIPT) {
            int start = from;
            int to = Math.min(all.length, from + IDS_PER_SCRIPT);
            // On a cluster, one call per hash slot of the claims, sent together; on one Redis, one call.
            List<List<Integer>> groups = redis.bySlot(to - from, i -> keys.claim(all[start + i]));
            List<RedisLink.ScriptCall> calls = new ArrayList<>(groups.size());
            for (List<Integer> group : groups) {
                String[] keyArray = new String[group.size()];
                for (int i = 0; i < keyArray.length; i++) {
                    keyArray[i] = keys.claim(all[start + group.get(i)]);
                }
                calls.add(new RedisLink.ScriptCall(CLAIM, ScriptOutputType.MULTI, keyArray, ttlArgs));
            }
            List<Object> replies = unlessUnavailable(() -> redis.runAll(calls));
            boolean[] claimed = new boolean[to - from];
            for (int g = 0; g < groups.size(); g++) {
                for (Object position : (List<?>) replies.get(g)) {
                    claimed[groups.get(g).get(((Long) position).intValue() - 1)] = true;
                }
            }
            for (int i = 0; i < claimed.length; i++) {
                if (claimed[i]) {
                    won.add(all[start + i]);
                }
            }
        }
        return won;
    }

    /**
     * Deletes the claims (on a cluster, Lettuce splits the DEL by slot). When Redis fails here the claims stay until their TTL ends, so a retry of those
     * events within it would be taken for duplicates; the exception tells the caller so.
     */
    @Override
    public void release(Collection<EventId> ids) {
        EventId[] all = ids.toArray(new EventId[0]);
        for (int from = 0; from < all.length; from += IDS_PER_SCRIPT) {
            int to = Math.min(all.length, from + IDS_PER_SCRIPT);
            String[] keyArray = new String[to - from];
            for (int i = from; i < to; i++) {
                keyArray[i - from] = keys.claim(all[i]);
            }
            unlessUnavailable(() -> redis.call(commands -> commands.del(keyArray)));
        }
    }

    private static <T> T unlessUnavailable(Supplier<T> call) {
        try {
            return call.get();
        } catch (OnlineStoreUnavailableException e) {
            throw new EventLogUnavailableException("cannot check event ids for duplicates: " + e.getMessage(),
                    RETRY_AFTER, e);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
