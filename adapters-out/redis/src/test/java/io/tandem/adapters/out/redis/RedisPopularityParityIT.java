package io.tandem.adapters.out.redis;

import static io.tandem.adapters.out.redis.FeatureUpdateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.interaction.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds the Redis store and the in-memory reference the same random updates (redeliveries, out-of-order
 * times, many exact ties, rebases) in the same random batches, and requires the same answers to the bit.
 */
class RedisPopularityParityIT {

    private static final String[] CATEGORIES = {"books", "music", "films", "toys", "home & garden"};
    private static final String[] ODD_ITEMS = {"ü-item", "item:with:colons", "Zebra", "item 2", "日本"};
    private static final double[] WEIGHTS = {0, 0.5, 1, 1, 2, 3};
    private static final int USERS = 25;
    private static final int ITEMS = 60;
    private static final int CAP = 7;

    static RedisTestServer redis;

    @BeforeAll
    static void connect() {
        redis = RedisTestServer.shared();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                // Steps of half a half-life and few weights: many exactly equal values, ties across every cut.
                Arguments.of("ties", Duration.ofMinutes(1), Duration.ofSeconds(30), 1L),
                // 40 hours at a one-minute half-life: about 2,400 half-lives, so the stores rebase twice.
                Arguments.of("rebases", Duration.ofMinutes(1), Duration.ofMillis(72_123), 2L),
                // The production default half-life over a month of irregular times.
                Arguments.of("week-half-life", Duration.ofDays(7), Duration.ofMillis(1_300_001), 3L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void redisAnswersExactlyAsTheInMemoryStore(String name, Duration halfLife, Duration step, long seed)
            throws Exception {
        String prefix = RedisTestServer.uniquePrefix();
        try (RedisOnlineFeaturesAdapter store = new RedisOnlineFeaturesAdapter(redis.settings(prefix), halfLife, CAP)) {
            InMemoryOnlineFeaturesAdapter reference = new InMemoryOnlineFeaturesAdapter(halfLife, CAP);
            Random random = new Random(seed);
            List<FeatureUpdate> updates = randomUpdates(random, 2_000, step);
            Instant last = T0;
            for (int from = 0; from < updates.size(); ) {
                int to = Math.min(updates.size(), from + 1 + random.nextInt(random.nextBoolean() ? 40 : 1_200));
                List<FeatureUpdate> batch = updates.subList(from, to);
                store.apply(batch);
                reference.apply(batch);
                for (FeatureUpdate update : batch) {
                    last = update.time().isAfter(last) ? update.time() : last;
                }
                if (random.nextInt(3) == 0) {
                    assertSameAnswers(store, reference, last.plus(step));
                }
                from = to;
            }
            assertSameAnswers(store, reference, last.plus(step));
        } finally {
            redis.deleteKeys(prefix);
        }
    }

    private static List<FeatureUpdate> randomUpdates(Random random, int count, Duration step) {
        List<FeatureUpdate> updates = new ArrayList<>(count);
        EventType[] types = EventType.values();
        Instant time = T0;
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(20) == 0) {
                // A redelivery: the same event again, somewhere later in the stream.
                updates.add(updates.get(random.nextInt(updates.size())));
                continue;
            }
            time = time.plus(step.multipliedBy(random.nextInt(3)));
            // Now and then an event arrives late.
            Instant at = random.nextInt(10) == 0 ? time.minus(step.multipliedBy(random.nextInt(4))) : time;
            EventType type = types[random.nextInt(types.length)];
            double weight = type == EventType.IMPRESSION ? 0 : WEIGHTS[random.nextInt(WEIGHTS.length)];
            List<String> categories = new ArrayList<>();
            for (String category : CATEGORIES) {
                if (random.nextInt(3) == 0) {
                    categories.add(category);
                }
            }
            updates.add(FeatureUpdateFixture.update("event-" + i, type, user(random.nextInt(USERS)),
                    item(random.nextInt(ITEMS + ODD_ITEMS.length)), at, weight, categories.toArray(new String[0])));
        }
        return updates;
    }

    private static String user(int index) {
        return "user-" + index;
    }

    private static String item(int index) {
        // Skewed towards few items, as real popularity is.
        return index < ITEMS ? "item-" + (index * index / ITEMS) : ODD_ITEMS[index - ITEMS];
    }

    private static void assertSameAnswers(RedisOnlineFeaturesAdapter store, InMemoryOnlineFeaturesAdapter reference,
                                          Instant at) {
        List<Optional<String>> scopes = new ArrayList<>();
        scopes.add(Optional.empty());
        for (String category : CATEGORIES) {
            scopes.add(Optional.of(category));
        }
        scopes.add(Optional.of("no-such-category"));
        for (Optional<String> scope : scopes) {
            for (int limit = 1; limit <= 25; limit++) {
                assertThat(store.popularItems(scope, limit, at)).as("%s top %d", scope, limit)
                        .isEqualTo(reference.popularItems(scope, limit, at));
            }
            assertThat(store.popularItems(scope, 1_000, at)).isEqualTo(reference.popularItems(scope, 1_000, at));
        }
        for (int u = 0; u < USERS; u++) {
            UserId user = UserId.of(user(u));
            assertThat(store.recentItems(user, CAP)).isEqualTo(reference.recentItems(user, CAP));
            assertThat(store.recentItems(user, 3)).isEqualTo(reference.recentItems(user, 3));
            assertThat(store.userCounts(user)).isEqualTo(reference.userCounts(user));
        }
        List<ItemId> items = new ArrayList<>();
        for (int i = 0; i < ITEMS + ODD_ITEMS.length; i++) {
            items.add(ItemId.of(item(i)));
        }
        assertThat(store.itemCounts(items)).isEqualTo(reference.itemCounts(items));
    }
}
