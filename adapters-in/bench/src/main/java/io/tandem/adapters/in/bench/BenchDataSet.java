package io.tandem.adapters.in.bench;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventSubmission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The data set of {@code bench serve}: {@code items} items in twelve categories, {@code users} users who each
 * favour a few categories, and about {@code eventsPerUser} events per user over the {@link #SPAN} before
 * {@code end}: impressions of items from the user's favourite categories (the popular ones of a category far more
 * often, about 1 / rank) or of random items, and a click and a view for those that caught on. Every item is
 * also shown once to a random user, so the trained model knows, and ranks, the whole catalogue. The same seed
 * gives the same data.
 *
 * <p>The demo's richer generator lives in adapters-in/synthetic; adapters never depend on each other (ADR-0002),
 * so the benchmark has its own.
 */
final class BenchDataSet {

    static final List<String> CATEGORIES = List.of("action", "comedy", "drama", "documentary", "family", "horror",
            "music", "news", "romance", "science", "sports", "travel");
    static final Duration SPAN = Duration.ofDays(30);

    /** Share of impressions drawn from the user's tastes, and the click chances of those and of random ones. */
    private static final double TASTE_SHARE = 0.7;
    private static final double CLICK_IN_TASTE = 0.5;
    private static final double CLICK_RANDOM = 0.05;
    /** Events one impression brings on average: itself, plus a click and a view when it caught on. */
    private static final double EVENTS_PER_IMPRESSION = 1 + 2 * (TASTE_SHARE * CLICK_IN_TASTE
            + (1 - TASTE_SHARE) * CLICK_RANDOM);

    private final int itemCount;
    private final int userCount;
    private final int eventsPerUser;
    private final long seed;
    private final Instant end;
    private final int[] categoryOf;
    private final int[][] byPopularity;
    /** Each user's last clicked item, -1 for none. */
    private final int[] lastClick;
    private long events;

    BenchDataSet(int items, int users, int eventsPerUser, long seed, Instant end) {
        if (items < 1 || users < 1 || eventsPerUser < 1) {
            throw new IllegalArgumentException("items, users and events per user must be 1 or more");
        }
        this.itemCount = items;
        this.userCount = users;
        this.eventsPerUser = eventsPerUser;
        this.seed = seed;
        this.end = end;
        this.categoryOf = new int[items];
        this.lastClick = new int[users];
        Arrays.fill(lastClick, -1);
        SplittableRandom random = new SplittableRandom(seed);
        int[] sizes = new int[CATEGORIES.size()];
        for (int i = 0; i < items; i++) {
            categoryOf[i] = random.nextInt(CATEGORIES.size());
            sizes[categoryOf[i]]++;
        }
        // Each category's items in a random order, which is their popularity order.
        byPopularity = new int[CATEGORIES.size()][];
        for (int c = 0; c < sizes.length; c++) {
            byPopularity[c] = new int[sizes[c]];
        }
        int[] filled = new int[sizes.length];
        for (int i = 0; i < items; i++) {
            byPopularity[categoryOf[i]][filled[categoryOf[i]]++] = i;
        }
        for (int[] category : byPopularity) {
            shuffle(category, random);
        }
    }

    static String itemId(int item) {
        return String.format("i%06d", item);
    }

    static String userId(int user) {
        return String.format("u%06d", user);
    }

    int itemCount() {
        return itemCount;
    }

    int userCount() {
        return userCount;
    }

    /** The catalogue: each item in its category, a third of them in a second one too. */
    List<Item> items() {
        SplittableRandom random = new SplittableRandom(seed ^ 0x17E35L);
        List<Item> items = new ArrayList<>(itemCount);
        Instant oldest = end.minus(SPAN);
        for (int i = 0; i < itemCount; i++) {
            Set<String> categories = new LinkedHashSet<>();
            categories.add(CATEGORIES.get(categoryOf[i]));
            if (random.nextDouble() < 0.3) {
                categories.add(CATEGORIES.get(random.nextInt(CATEGORIES.size())));
            }
            Instant created = oldest.minus(Duration.ofMinutes(random.nextLong(365L * 24 * 60)));
            items.add(Item.of(new ItemId(itemId(i)), categories, created));
        }
        return items;
    }

    List<User> users() {
        List<User> users = new ArrayList<>(userCount);
        for (int u = 0; u < userCount; u++) {
            users.add(new User(new UserId(userId(u)), Map.of("cohort", "bench")));
        }
        return users;
    }

    /**
     * Generates the events and hands them to {@code sink} in batches of at most {@code batch}; afterwards
     * {@link #usersWithHistory()} and {@link #eventCount()} describe what was generated.
     */
    void events(int batch, Consumer<List<EventSubmission>> sink) {
        SplittableRandom random = new SplittableRandom(seed ^ 0xE7E27L);
        List<EventSubmission> pending = new ArrayList<>(batch);
        Consumer<EventSubmission> emit = event -> {
            pending.add(event);
            events++;
            if (pending.size() == batch) {
                sink.accept(List.copyOf(pending));
                pending.clear();
            }
        };
        long spanMillis = SPAN.toMillis();
        Instant start = end.minus(SPAN);
        // The catalogue sweep first, so the last events sent are the users' clicks (see lastClicks).
        for (int i = 0; i < itemCount; i++) {
            int user = random.nextInt(userCount);
            Instant at = start.plusMillis((long) (random.nextDouble() * spanMillis));
            emit.accept(event(user, -1 - i, "impression", i, at, null, 1));
        }
        for (int u = 0; u < userCount; u++) {
            double[] taste = taste(CATEGORIES.size(), random);
            double activity = Math.exp(0.5 * random.nextGaussian() - 0.125);
            int impressions = Math.max(1, (int) Math.round(eventsPerUser / EVENTS_PER_IMPRESSION * activity));
            long[] times = new long[impressions];
            for (int k = 0; k < impressions; k++) {
                times[k] = (long) (random.nextDouble() * spanMillis);
            }
            Arrays.sort(times);
            for (int k = 0; k < impressions; k++) {
                boolean fromTaste = random.nextDouble() < TASTE_SHARE;
                int item = fromTaste ? popularIn(pick(taste, random), random) : random.nextInt(itemCount);
                Instant at = start.plusMillis(times[k]);
                emit.accept(event(u, k, "impression", item, at, null, k % 10 + 1));
                if (random.nextDouble() < (fromTaste ? CLICK_IN_TASTE : CLICK_RANDOM)) {
                    lastClick[u] = item;
                    emit.accept(event(u, k, "click", item, at.plusSeconds(2), null, k % 10 + 1));
                    long dwell = 1 + Math.round(-Math.log(1 - random.nextDouble()) * 30);
                    emit.accept(event(u, k, "view", item, at.plusSeconds(2 + dwell), (double) dwell, k % 10 + 1));
                }
            }
        }
        if (!pending.isEmpty()) {
            sink.accept(List.copyOf(pending));
        }
    }

    /** Users with at least one click, after {@link #events}. */
    List<String> usersWithHistory() {
        List<String> users = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            if (lastClick[u] >= 0) {
                users.add(userId(u));
            }
        }
        return users;
    }

    /**
     * The last clicked item of each of the last {@code users} users with a click, as user id to item id: the
     * last positive events sent, which the online store holds once it has caught up.
     */
    Map<String, String> lastClicks(int users) {
        Map<String, String> clicks = new LinkedHashMap<>();
        for (int u = userCount - 1; u >= 0 && clicks.size() < users; u--) {
            if (lastClick[u] >= 0) {
                clicks.put(userId(u), itemId(lastClick[u]));
            }
        }
        return clicks;
    }

    long eventCount() {
        return events;
    }

    /** A few favourite categories among {@code categories}: log-normal weights, as cumulative shares. */
    static double[] taste(int categories, SplittableRandom random) {
        double[] cumulative = new double[categories];
        double sum = 0;
        for (int c = 0; c < cumulative.length; c++) {
            sum += Math.exp(random.nextGaussian() * 1.5);
            cumulative[c] = sum;
        }
        for (int c = 0; c < cumulative.length; c++) {
            cumulative[c] /= sum;
        }
        return cumulative;
    }

    /** A category drawn by its cumulative share. */
    static int pick(double[] cumulative, SplittableRandom random) {
        double u = random.nextDouble();
        for (int c = 0; c < cumulative.length; c++) {
            if (u < cumulative[c]) {
                return c;
            }
        }
        return cumulative.length - 1;
    }

    /** An item of {@code category}, the one at popularity rank r (from 1) drawn with probability about 1 / r. */
    private int popularIn(int category, SplittableRandom random) {
        int[] items = byPopularity[category];
        if (items.length == 0) {
            return random.nextInt(itemCount);
        }
        int rank = (int) Math.pow(items.length + 1, random.nextDouble());
        return items[Math.min(rank, items.length) - 1];
    }

    private EventSubmission event(int user, int sequence, String type, int item, Instant at, Double value,
                                  int position) {
        String id = "b" + seed + "-" + user + "-" + sequence + "-" + type;
        return new EventSubmission.Fields(id, type, userId(user), itemId(item), at.toString(),
                value == null ? null : value.toString(), "home", null, Integer.toString(position));
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
