package io.tandem.adapters.in.synthetic;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a {@link SyntheticDataset} from a {@link SyntheticConfig}.
 *
 * <p>The model, in the terms of the click-model literature: a user examines position {@code p} of a slate
 * with probability {@code 1 / log2(p + 1)} (position bias) and, having examined an item, clicks it with
 * probability {@code sigmoid(1.5 * ln(taste(user, category) * k) + quality - 2)}, where {@code k} is the number of
 * categories (so an average taste contributes nothing, a favourite category a lot). A click leads to a view with exponential dwell time, and
 * sometimes to a like, an add-to-cart and a purchase; an examined item the user dislikes is sometimes
 * skipped. Slates mix popular-by-quality items with random ones, as a live system's exploration would.
 */
public final class SyntheticDatasetGenerator {

    static final List<String> CATEGORY_NAMES = List.of("action", "comedy", "drama", "documentary", "family",
            "horror", "music", "news", "romance", "science", "sports", "travel", "cooking", "gaming", "history",
            "fashion");

    private SyntheticDatasetGenerator() {
    }

    public static SyntheticDataset generate(SyntheticConfig config) {
        SplittableRandom random = new SplittableRandom(config.seed());
        List<String> categories = CATEGORY_NAMES.subList(0, config.categories());
        List<GeneratedItem> items = items(config, categories, random);
        List<User> users = new ArrayList<>(config.users());
        Map<UserId, Map<String, Double>> tastes = new HashMap<>();
        List<Event> events = new ArrayList<>();
        List<GeneratedItem> byQuality = items.stream()
                .sorted(Comparator.comparingDouble(GeneratedItem::quality).reversed())
                .toList();
        for (int u = 0; u < config.users(); u++) {
            UserId userId = new UserId(String.format("u%05d", u));
            Map<String, Double> taste = taste(categories, random);
            String favourite = taste.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            users.add(new User(userId, Map.of("segment", favourite)));
            tastes.put(userId, taste);
            double activity = Math.exp(random.nextGaussian() * 0.6);
            int sessions = Math.max(1, (int) Math.round(config.sessionsPerUser() * activity));
            List<Instant> times = new ArrayList<>(sessions);
            for (int s = 0; s < sessions; s++) {
                times.add(config.start().plusMillis((long) (random.nextDouble() * config.span().toMillis())));
            }
            times.sort(Comparator.naturalOrder());
            int sequence = 0;
            for (int s = 0; s < times.size(); s++) {
                sequence = session(config, userId, taste, s, times.get(s), items, byQuality, random, events, sequence);
            }
        }
        events.sort(Comparator.comparing(Event::time).thenComparing(e -> e.id().value()));
        return new SyntheticDataset(items.stream().map(GeneratedItem::item).toList(), users, events, tastes);
    }

    /** News stories live this long at least (the mean life of their appeal)... */
    static final Duration SHORTEST_LIFE = Duration.ofHours(3);
    /** ...and at most. */
    static final Duration LONGEST_LIFE = Duration.ofDays(2);

    /**
     * A news-like data set from the same config: stories are published all through the window (a few the day
     * before it starts), and a story's appeal fades as {@code exp(-age / life)} with a life drawn log-uniformly
     * between {@link #SHORTEST_LIFE} and {@link #LONGEST_LIFE}. A session's slate is drawn among the stories
     * published by then with weights {@code exp(quality) * appeal}, and a shown story is clicked with the
     * probability of {@link #generate} times its appeal. What was popular a week ago says almost nothing about
     * today: popularity must decay fast to be of use.
     */
    public static SyntheticDataset news(SyntheticConfig config) {
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x6E657773L);
        List<String> categories = CATEGORY_NAMES.subList(0, config.categories());
        int n = config.items();
        List<Item> items = new ArrayList<>(n);
        long[] published = new long[n];
        double[] lifeMillis = new double[n];
        double[] quality = new double[n];
        long spanMillis = config.span().toMillis();
        long before = Duration.ofDays(1).toMillis();
        double shortest = Math.log(SHORTEST_LIFE.toMillis());
        double longest = Math.log(LONGEST_LIFE.toMillis());
        for (int i = 0; i < n; i++) {
            Instant created = config.start().plusMillis((long) (random.nextDouble() * (spanMillis + before)) - before);
            published[i] = created.toEpochMilli();
            lifeMillis[i] = Math.exp(shortest + random.nextDouble() * (longest - shortest));
            quality[i] = random.nextGaussian();
            items.add(new Item(new ItemId(String.format("n%05d", i)),
                    Set.of(categories.get(random.nextInt(categories.size()))), Set.of(), created, true, Map.of()));
        }
        List<User> users = new ArrayList<>(config.users());
        Map<UserId, Map<String, Double>> tastes = new HashMap<>();
        List<Event> events = new ArrayList<>();
        double[] weights = new double[n];
        for (int u = 0; u < config.users(); u++) {
            UserId userId = new UserId(String.format("u%05d", u));
            Map<String, Double> taste = taste(categories, random);
            String favourite = taste.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            users.add(new User(userId, Map.of("segment", favourite)));
            tastes.put(userId, taste);
            int sessions = Math.max(1, (int) Math.round(config.sessionsPerUser()
                    * Math.exp(random.nextGaussian() * 0.6)));
            int sequence = 0;
            for (int s = 0; s < sessions; s++) {
                long at = config.start().toEpochMilli() + (long) (random.nextDouble() * spanMillis);
                double total = 0;
                for (int i = 0; i < n; i++) {
                    weights[i] = published[i] <= at
                            ? Math.exp(quality[i]) * Math.exp(-(at - published[i]) / lifeMillis[i]) : 0;
                    total += weights[i];
                }
                Instant time = Instant.ofEpochMilli(at);
                String requestId = userId.value() + "-s" + s;
                Set<Integer> shown = new LinkedHashSet<>();
                for (int draw = 0; draw < config.slateSize() * 3 && shown.size() < config.slateSize()
                        && total > 0; draw++) {
                    double pick = random.nextDouble() * total;
                    for (int i = 0; i < n; i++) {
                        pick -= weights[i];
                        if (pick <= 0 && weights[i] > 0) {
                            shown.add(i);
                            break;
                        }
                    }
                }
                int position = 0;
                for (int i : shown) {
                    position++;
                    GeneratedItem story = new GeneratedItem(items.get(i), quality[i]);
                    EventContext context = new EventContext(Optional.of("news"), Optional.of(requestId),
                            OptionalInt.of(position));
                    time = time.plusMillis(200 + random.nextInt(800));
                    events.add(event(userId, sequence++, EventType.IMPRESSION, story, time, OptionalDouble.empty(),
                            context));
                    double appeal = Math.exp(-(time.toEpochMilli() - published[i]) / lifeMillis[i]);
                    double affinity = taste.getOrDefault(story.item().categories().iterator().next(), 0.0)
                            * taste.size();
                    double click = appeal * sigmoid(1.5 * Math.log(Math.max(affinity, 1e-6)) + quality[i] - 1.0);
                    if (random.nextDouble() < click) {
                        time = time.plusSeconds(1 + random.nextInt(5));
                        events.add(event(userId, sequence++, EventType.CLICK, story, time, OptionalDouble.empty(),
                                context));
                    }
                }
            }
        }
        events.sort(Comparator.comparing(Event::time).thenComparing(e -> e.id().value()));
        return new SyntheticDataset(items, users, events, tastes);
    }

    private static List<GeneratedItem> items(SyntheticConfig config, List<String> categories,
                                             SplittableRandom random) {
        List<GeneratedItem> items = new ArrayList<>(config.items());
        for (int i = 0; i < config.items(); i++) {
            Set<String> itemCategories = new LinkedHashSet<>();
            itemCategories.add(categories.get(random.nextInt(categories.size())));
            if (random.nextDouble() < 0.3) {
                itemCategories.add(categories.get(random.nextInt(categories.size())));
            }
            // Most of the catalogue exists before the first event; a tenth arrives during the window.
            Instant created = random.nextDouble() < 0.9
                    ? config.start().minus(Duration.ofDays(1 + random.nextInt(365)))
                    : config.start().plusMillis((long) (random.nextDouble() * config.span().toMillis()));
            Item item = new Item(new ItemId(String.format("i%05d", i)), itemCategories, Set.of(), created, true,
                    Map.of("quality-band", random.nextDouble() < 0.5 ? "a" : "b"));
            items.add(new GeneratedItem(item, random.nextGaussian()));
        }
        return items;
    }

    /** A few favourite categories: log-normal weights, normalised to sum to one. */
    private static Map<String, Double> taste(List<String> categories, SplittableRandom random) {
        double[] weights = new double[categories.size()];
        double sum = 0;
        for (int c = 0; c < weights.length; c++) {
            weights[c] = Math.exp(random.nextGaussian() * 1.5);
            sum += weights[c];
        }
        Map<String, Double> taste = new HashMap<>();
        for (int c = 0; c < weights.length; c++) {
            taste.put(categories.get(c), weights[c] / sum);
        }
        return taste;
    }

    private static int session(SyntheticConfig config, UserId user, Map<String, Double> taste, int session,
                               Instant start, List<GeneratedItem> items, List<GeneratedItem> byQuality,
                               SplittableRandom random, List<Event> events, int sequence) {
        String requestId = user.value() + "-s" + session;
        List<GeneratedItem> slate = slate(config.slateSize(), items, byQuality, random);
        Instant time = start;
        for (int p = 0; p < slate.size(); p++) {
            GeneratedItem shown = slate.get(p);
            int position = p + 1;
            EventContext context = new EventContext(Optional.of("home"), Optional.of(requestId),
                    OptionalInt.of(position));
            time = time.plusMillis(200 + random.nextInt(800));
            events.add(event(user, sequence++, EventType.IMPRESSION, shown, time, OptionalDouble.empty(), context));
            boolean examined = random.nextDouble() < 1.0 / (Math.log(position + 1) / Math.log(2));
            if (!examined) {
                continue;
            }
            double affinity = shown.item().categories().stream().mapToDouble(c -> taste.getOrDefault(c, 0.0))
                    .max().orElse(0.0) * taste.size();
            double clickProbability = sigmoid(1.5 * Math.log(Math.max(affinity, 1e-6)) + shown.quality() - 2.0);
            if (random.nextDouble() >= clickProbability) {
                if (affinity < 0.3 && random.nextDouble() < 0.1) {
                    events.add(event(user, sequence++, EventType.SKIP, shown, time.plusMillis(300),
                            OptionalDouble.empty(), context));
                }
                continue;
            }
            time = time.plusSeconds(1 + random.nextInt(5));
            events.add(event(user, sequence++, EventType.CLICK, shown, time, OptionalDouble.empty(), context));
            double dwell = Math.round(-Math.log(1 - random.nextDouble()) * 30 * (1 + affinity));
            time = time.plusSeconds((long) dwell);
            events.add(event(user, sequence++, EventType.VIEW, shown, time, OptionalDouble.of(dwell), context));
            if (random.nextDouble() < 0.15 * affinity) {
                events.add(event(user, sequence++, EventType.LIKE, shown, time.plusSeconds(1),
                        OptionalDouble.empty(), context));
            }
            if (random.nextDouble() < 0.08 * affinity) {
                events.add(event(user, sequence++, EventType.ADD_TO_CART, shown, time.plusSeconds(2),
                        OptionalDouble.empty(), context));
                if (random.nextDouble() < 0.5) {
                    double price = Math.round((5 + random.nextDouble() * 45) * 100) / 100.0;
                    events.add(event(user, sequence++, EventType.PURCHASE, shown, time.plusSeconds(30),
                            OptionalDouble.of(price), context));
                }
            }
        }
        return sequence;
    }

    /** Half the slate from the better-quality third of the catalogue, half at random; no repeats. */
    private static List<GeneratedItem> slate(int size, List<GeneratedItem> items, List<GeneratedItem> byQuality,
                                             SplittableRandom random) {
        Set<GeneratedItem> chosen = new LinkedHashSet<>();
        int popularPool = Math.max(size, byQuality.size() / 3);
        while (chosen.size() < size) {
            GeneratedItem next = chosen.size() % 2 == 0
                    ? byQuality.get(random.nextInt(popularPool))
                    : items.get(random.nextInt(items.size()));
            chosen.add(next);
        }
        return new ArrayList<>(chosen);
    }

    private static Event event(UserId user, int sequence, EventType type, GeneratedItem item, Instant time,
                               OptionalDouble value, EventContext context) {
        return new Event(new EventId("syn-" + user.value() + "-" + sequence), type, user, item.item().id(), time,
                value, context);
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private record GeneratedItem(Item item, double quality) {
    }
}
