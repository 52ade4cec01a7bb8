package io.tandem.adapters.in.bench;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.interaction.EventSubmission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The data set of {@code bench train}: about {@code events} events by {@code users} users on {@code items} items
 * over the {@link #SPAN} before {@code end}, at the skew of real logs.
 *
 * <ul>
 *   <li>Long-tail popularity: item popularity follows a Zipf law ({@code weight = 1 / rank^}{@value #ZIPF}), so a
 *       few hundred items take a large share of the events and most items few.</li>
 *   <li>Lifetimes: {@value #EVERGREEN_SHARE} of the items are evergreen, the others are published during the span
 *       and live an exponential time (mean {@link #MEAN_LIFE}); an impression only shows an item alive at its
 *       time.</li>
 *   <li>Users and sessions: activity is log-normal (a few heavy users, many light ones); a user's impressions
 *       come in sessions (about {@value #SESSION_LENGTH} impressions, 20 s apart) at random times; most come from
 *       the user's favourite categories, the rest from the whole catalogue, both by popularity; an impression that
 *       caught on brings a click and a view.</li>
 * </ul>
 * The same arguments give the same data. Events are generated as they are sent, so memory stays small however many
 * there are.
 */
final class BenchTrainDataSet {

    static final Duration SPAN = Duration.ofDays(28);
    static final Duration MEAN_LIFE = Duration.ofDays(3);
    static final double ZIPF = 1.0;
    static final double EVERGREEN_SHARE = 0.3;
    static final int SESSION_LENGTH = 8;
    static final List<String> CATEGORIES = List.of("world", "business", "sports", "science", "health", "travel",
            "music", "movies", "food", "autos", "finance", "lifestyle", "weather", "tv", "kids", "games");

    /** Share of impressions drawn from the user's tastes, and the click chances of those and of the others. */
    private static final double TASTE_SHARE = 0.7;
    private static final double CLICK_IN_TASTE = 0.5;
    private static final double CLICK_OTHER = 0.05;
    /** Events one impression brings on average: itself, plus a click and a view when it caught on. */
    static final double EVENTS_PER_IMPRESSION = 1 + 2 * (TASTE_SHARE * CLICK_IN_TASTE
            + (1 - TASTE_SHARE) * CLICK_OTHER);
    /** Draws of an item alive at an impression's time before an evergreen item is shown instead. */
    private static final int ALIVE_TRIES = 16;

    private final int itemCount;
    private final int userCount;
    private final long targetEvents;
    private final long seed;
    private final Instant end;
    private final int[] categoryOf;
    /** Publication and end of life of each item, in milliseconds from the span's start (may be negative). */
    private final long[] bornAt;
    private final long[] diesAt;
    private final Popularity global;
    private final Popularity[] byCategory;
    private final Popularity evergreen;
    private long events;
    private long clicks;

    BenchTrainDataSet(int items, int users, long events, long seed, Instant end) {
        if (items < 1 || users < 1 || events < users) {
            throw new IllegalArgumentException("items and users must be 1 or more, and events at least users");
        }
        this.itemCount = items;
        this.userCount = users;
        this.targetEvents = events;
        this.seed = seed;
        this.end = end;
        SplittableRandom random = new SplittableRandom(seed);
        categoryOf = new int[items];
        bornAt = new long[items];
        diesAt = new long[items];
        long span = SPAN.toMillis();
        double meanLife = MEAN_LIFE.toMillis();
        boolean[] isEvergreen = new boolean[items];
        for (int i = 0; i < items; i++) {
            categoryOf[i] = random.nextInt(CATEGORIES.size());
            if (random.nextDouble() < EVERGREEN_SHARE) {
                isEvergreen[i] = true;
                bornAt[i] = -random.nextLong(365L * 24 * 3600 * 1000);
                diesAt[i] = Long.MAX_VALUE;
            } else {
                bornAt[i] = random.nextLong(span);
                diesAt[i] = bornAt[i] + 1 + (long) (-Math.log(1 - random.nextDouble()) * meanLife);
            }
        }
        // Popularity ranks are a random order of the items: rank r (from 1) weighs 1 / r^ZIPF.
        int[] order = new int[items];
        for (int i = 0; i < items; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        double[] weight = new double[items];
        for (int r = 0; r < items; r++) {
            weight[order[r]] = 1.0 / Math.pow(r + 1, ZIPF);
        }
        global = new Popularity(order, weight, i -> true);
        byCategory = new Popularity[CATEGORIES.size()];
        for (int c = 0; c < byCategory.length; c++) {
            int category = c;
            byCategory[c] = new Popularity(order, weight, i -> categoryOf[i] == category);
        }
        Popularity lasting = new Popularity(order, weight, i -> isEvergreen[i]);
        evergreen = lasting.isEmpty() ? global : lasting;
    }

    static String itemId(int item) {
        return String.format("n%06d", item);
    }

    static String userId(int user) {
        return String.format("r%06d", user);
    }

    /** The catalogue: each item in its category, created when it was published. */
    List<Item> items() {
        Instant start = end.minus(SPAN);
        List<Item> items = new ArrayList<>(itemCount);
        for (int i = 0; i < itemCount; i++) {
            items.add(Item.of(new ItemId(itemId(i)), Set.of(CATEGORIES.get(categoryOf[i])),
                    start.plusMillis(bornAt[i])));
        }
        return items;
    }

    /** Generates the events and hands them to {@code sink} in batches of at most {@code batch}. */
    void events(int batch, Consumer<List<EventSubmission>> sink) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x7A11L);
        double[] activity = new double[userCount];
        double total = 0;
        for (int u = 0; u < userCount; u++) {
            activity[u] = Math.exp(1.0 * random.nextGaussian());
            total += activity[u];
        }
        double impressions = Math.max(userCount, targetEvents / EVENTS_PER_IMPRESSION);
        List<EventSubmission> pending = new ArrayList<>(batch);
        Consumer<EventSubmission> emit = event -> {
            pending.add(event);
            events++;
            if (pending.size() == batch) {
                sink.accept(List.copyOf(pending));
                pending.clear();
            }
        };
        long span = SPAN.toMillis();
        Instant start = end.minus(SPAN);
        for (int u = 0; u < userCount; u++) {
            double[] taste = BenchDataSet.taste(CATEGORIES.size(), random);
            int count = Math.max(1, (int) Math.round(impressions * activity[u] / total));
            int sessions = Math.max(1, (count + SESSION_LENGTH / 2) / SESSION_LENGTH);
            long[] starts = new long[sessions];
            for (int s = 0; s < sessions; s++) {
                starts[s] = random.nextLong(span - 3_600_000L);
            }
            Arrays.sort(starts);
            for (int k = 0; k < count; k++) {
                int session = (int) ((long) k * sessions / count);
                int inSession = k - (int) Math.ceil((double) session * count / sessions);
                long at = starts[session] + 20_000L * Math.max(0, inSession);
                boolean fromTaste = random.nextDouble() < TASTE_SHARE;
                int item = alive(fromTaste ? byCategory[BenchDataSet.pick(taste, random)] : global, at, random);
                Instant time = start.plusMillis(at);
                int position = Math.max(0, inSession) % 10 + 1;
                emit.accept(event(u, k, "impression", item, time, null, position));
                if (random.nextDouble() < (fromTaste ? CLICK_IN_TASTE : CLICK_OTHER)) {
                    clicks++;
                    emit.accept(event(u, k, "click", item, time.plusSeconds(2), null, position));
                    long dwell = 1 + Math.round(-Math.log(1 - random.nextDouble()) * 30);
                    emit.accept(event(u, k, "view", item, time.plusSeconds(2 + dwell), (double) dwell, position));
                }
            }
        }
        if (!pending.isEmpty()) {
            sink.accept(List.copyOf(pending));
        }
    }

    long eventCount() {
        return events;
    }

    long clickCount() {
        return clicks;
    }

    int itemCount() {
        return itemCount;
    }

    int userCount() {
        return userCount;
    }

    /** Whether {@code item} is published and not yet past its life at {@code at} (ms from the span's start). */
    boolean isAlive(int item, long at) {
        return bornAt[item] <= at && at < diesAt[item];
    }

    /** An item of {@code popularity} alive at {@code at}; an evergreen one when the draws keep missing. */
    private int alive(Popularity popularity, long at, SplittableRandom random) {
        if (!popularity.isEmpty()) {
            for (int attempt = 0; attempt < ALIVE_TRIES; attempt++) {
                int item = popularity.draw(random);
                if (isAlive(item, at)) {
                    return item;
                }
            }
        }
        return evergreen.draw(random);
    }

    private EventSubmission event(int user, int sequence, String type, int item, Instant at, Double value,
                                  int position) {
        String id = "t" + seed + "-" + user + "-" + sequence + "-" + type;
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

    /** Items drawn in proportion to their Zipf weight: cumulative weights in popularity order, searched in halves. */
    private static final class Popularity {

        private final int[] items;
        private final double[] cumulative;

        Popularity(int[] order, double[] weight, java.util.function.IntPredicate member) {
            int size = 0;
            for (int item : order) {
                size += member.test(item) ? 1 : 0;
            }
            items = new int[size];
            cumulative = new double[size];
            double sum = 0;
            int p = 0;
            for (int item : order) {
                if (member.test(item)) {
                    sum += weight[item];
                    items[p] = item;
                    cumulative[p++] = sum;
                }
            }
        }

        boolean isEmpty() {
            return items.length == 0;
        }

        int draw(SplittableRandom random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int p = Arrays.binarySearch(cumulative, u);
            p = p >= 0 ? p : -p - 1;
            return items[Math.min(p, items.length - 1)];
        }
    }
}
