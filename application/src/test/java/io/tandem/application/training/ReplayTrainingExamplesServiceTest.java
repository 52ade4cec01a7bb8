package io.tandem.application.training;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.training.port.in.ReplaySummary;
import io.tandem.application.training.port.in.ReplayTrainingExamplesQuery;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.feature.OnlineFeatures;
import io.tandem.domain.feature.PointInTimeFeatures;
import io.tandem.domain.feature.TrainingExample;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.interaction.LabelWeights;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayTrainingExamplesServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 10);
    private static final Set<EventType> ALL_TYPES = EnumSet.allOf(EventType.class);
    private static final int RECENT = 5;
    /** A short half-life and a small cap, so order, decay and eviction all show in the values. */
    private static final FeaturePolicy POLICY = new FeaturePolicy(LabelWeights.defaults(), Duration.ofHours(6), 4);

    private final Map<ItemId, Item> catalog = new HashMap<>();
    private final LoadItemsPort loadItems = ids -> {
        Map<ItemId, Item> found = new HashMap<>();
        ids.forEach(id -> {
            if (catalog.containsKey(id)) {
                found.put(id, catalog.get(id));
            }
        });
        return found;
    };

    @Test
    void anExampleSeesNeitherItsOwnEventNorASimultaneousNorALaterOne() {
        // Ann clicks "a", then buys it in the same millisecond, then Bob clicks it an hour later: a leak of any
        // of the three would show in ann's recent items, the item's counters or its popularity.
        Event click = event("e1", EventType.CLICK, "ann", "a", T0);
        Event purchase = event("e2", EventType.PURCHASE, "ann", "a", T0);
        Event later = event("e3", EventType.CLICK, "bob", "a", T0.plus(Duration.ofHours(1)));

        List<TrainingExample> examples = replay(List.of(later, purchase, click), FIRST_DAY);

        assertThat(examples).extracting(e -> e.event().id().value()).containsExactly("e1", "e2", "e3");
        for (TrainingExample atT0 : examples.subList(0, 2)) {
            PointInTimeFeatures features = atT0.features();
            assertThat(features.recentItems()).isEmpty();
            assertThat(features.seenBefore()).isFalse();
            assertThat(features.itemPopularity()).isZero();
            assertThat(features.userCounts().total()).isZero();
            assertThat(features.itemCounts().total()).isZero();
        }
        PointInTimeFeatures bobs = examples.get(2).features();
        assertThat(bobs.itemCounts().count(EventType.CLICK)).isEqualTo(1);
        assertThat(bobs.itemCounts().count(EventType.PURCHASE)).isEqualTo(1);
        assertThat(bobs.itemCounts().total()).isEqualTo(2);
        assertThat(bobs.userCounts().total()).isZero();
        assertThat(examples.get(1).label()).isEqualTo(4.0);
    }

    @Test
    void everyExampleEqualsTheFeaturesOfTheStrictlyEarlierEventsAlone() {
        Random random = new Random(7);
        List<Event> events = randomEvents(random, 3_000);
        List<Event> lakeOrder = shuffledWithinDates(events, random);

        List<TrainingExample> examples = replay(lakeOrder, FIRST_DAY);

        assertThat(examples).hasSize(events.size());
        List<Event> timeOrder = new ArrayList<>(events);
        timeOrder.sort(Comparator.comparing(Event::time).thenComparing(e -> e.id().value()));
        // Rebuild the features from scratch, for each example, out of the events strictly before it; a leak of
        // any later or simultaneous event changes at least one value in this data (ties are frequent).
        OnlineFeatures prefix = OnlineFeatures.of(POLICY);
        int applied = 0;
        int checkedWithTies = 0;
        for (TrainingExample example : examples) {
            Instant at = example.event().time();
            while (applied < timeOrder.size() && timeOrder.get(applied).time().isBefore(at)) {
                Event earlier = timeOrder.get(applied++);
                prefix.apply(POLICY.updateFor(earlier, categories(earlier.item())));
            }
            PointInTimeFeatures expected = prefix.snapshot(example.event().user(), example.event().item(),
                    new TreeSet<>(categories(example.event().item())), at, RECENT);
            assertThat(example.features()).as("features of %s", example.event().id()).isEqualTo(expected);
            if (applied < timeOrder.size() && timeOrder.get(applied).time().equals(at)) {
                checkedWithTies++;
            }
        }
        assertThat(checkedWithTies).as("examples sharing their instant with another event").isGreaterThan(100);
    }

    @Test
    void eventsBeforeExamplesFromOnlyBuildUpTheFeatures() {
        Event warmUp = event("e1", EventType.CLICK, "ann", "a", T0);
        Event example = event("e2", EventType.CLICK, "ann", "b", T0.plus(Duration.ofDays(1)));
        List<TrainingExample> examples = new ArrayList<>();

        ReplaySummary summary = service(lake(List.of(warmUp, example))).replay(new ReplayTrainingExamplesQuery(
                FIRST_DAY, LAST_DAY, FIRST_DAY.plusDays(1), ALL_TYPES, RECENT), examples::add);

        assertThat(examples).extracting(e -> e.event().id().value()).containsExactly("e2");
        assertThat(examples.get(0).features().recentItems()).containsExactly(ItemId.of("a"));
        assertThat(summary).isEqualTo(new ReplaySummary(2, 1, 0));
    }

    @Test
    void onlyTheChosenTypesBecomeExamplesAndARepeatedEventIdCountsOnce() {
        Event impression = event("e1", EventType.IMPRESSION, "ann", "a", T0);
        Event click = event("e2", EventType.CLICK, "ann", "a", T0.plusSeconds(5));
        Event redelivered = event("e2", EventType.CLICK, "ann", "a", T0.plusSeconds(5));
        Event laterCopy = event("e2", EventType.CLICK, "ann", "a", T0.plusSeconds(50));
        Event next = event("e3", EventType.CLICK, "ann", "b", T0.plusSeconds(60));
        List<TrainingExample> examples = new ArrayList<>();

        ReplaySummary summary = service(lake(List.of(impression, click, redelivered, laterCopy, next))).replay(
                new ReplayTrainingExamplesQuery(FIRST_DAY, LAST_DAY, FIRST_DAY, EnumSet.of(EventType.CLICK), RECENT),
                examples::add);

        assertThat(examples).extracting(e -> e.event().id().value()).containsExactly("e2", "e3");
        assertThat(examples.get(1).features().itemCounts().total()).isZero();
        assertThat(examples.get(1).features().userCounts().count(EventType.CLICK)).isEqualTo(1);
        assertThat(summary).isEqualTo(new ReplaySummary(5, 2, 2));
    }

    @Test
    void aLakeThatReturnsDatesOutOfOrderIsRefused() {
        Event second = event("e1", EventType.CLICK, "ann", "a", T0.plus(Duration.ofDays(1)));
        Event first = event("e2", EventType.CLICK, "ann", "a", T0);
        ReadLakePort unordered = (from, to, consumer) -> List.of(second, first).forEach(consumer);

        assertThatThrownBy(() -> service(unordered).replay(new ReplayTrainingExamplesQuery(FIRST_DAY, LAST_DAY,
                FIRST_DAY, ALL_TYPES, RECENT), e -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private List<TrainingExample> replay(List<Event> lakeOrder, LocalDate examplesFrom) {
        List<TrainingExample> examples = new ArrayList<>();
        service(lake(lakeOrder)).replay(new ReplayTrainingExamplesQuery(FIRST_DAY, LAST_DAY, examplesFrom, ALL_TYPES,
                RECENT), examples::add);
        return examples;
    }

    private ReplayTrainingExamplesService service(ReadLakePort lake) {
        return new ReplayTrainingExamplesService(POLICY, lake, loadItems);
    }

    /** A lake that hands events over date by date, in the given order within a date, as the real ones do. */
    private static ReadLakePort lake(List<Event> events) {
        return (from, to, consumer) -> {
            Map<LocalDate, List<Event>> byDate = new TreeMap<>();
            for (Event event : events) {
                byDate.computeIfAbsent(LocalDate.ofInstant(event.time(), ZoneOffset.UTC), d -> new ArrayList<>())
                        .add(event);
            }
            byDate.forEach((date, dated) -> {
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    dated.forEach(consumer);
                }
            });
        };
    }

    private List<Event> randomEvents(Random random, int count) {
        String[] categories = {"comedy", "drama", "news"};
        for (int item = 0; item < 40; item++) {
            Set<String> itemCategories = new TreeSet<>();
            for (String category : categories) {
                if (random.nextInt(3) == 0) {
                    itemCategories.add(category);
                }
            }
            // Some items are unknown to the catalog, as items known only from events are.
            if (item % 7 != 0) {
                ItemId id = ItemId.of("item-" + item);
                catalog.put(id, Item.of(id, itemCategories, T0));
            }
        }
        EventType[] types = EventType.values();
        List<Event> events = new ArrayList<>(count);
        Instant time = T0;
        for (int i = 0; i < count; i++) {
            // Steps of 0, 1 or 2 minutes: many events share an instant, and ten days are crossed.
            time = time.plus(Duration.ofMinutes(random.nextInt(3)));
            EventType type = types[random.nextInt(types.length)];
            OptionalDouble value = type == EventType.RATING ? OptionalDouble.of(1 + random.nextInt(5))
                    : OptionalDouble.empty();
            events.add(anEvent("event-" + i).type(type).user("user-" + random.nextInt(12))
                    .item("item-" + random.nextInt(40)).at(time).value(value).build());
        }
        return events;
    }

    private static List<Event> shuffledWithinDates(List<Event> events, Random random) {
        Map<LocalDate, List<Event>> byDate = new TreeMap<>();
        for (Event event : events) {
            byDate.computeIfAbsent(LocalDate.ofInstant(event.time(), ZoneOffset.UTC), d -> new ArrayList<>())
                    .add(event);
        }
        List<Event> shuffled = new ArrayList<>();
        byDate.values().forEach(dated -> {
            Collections.shuffle(dated, random);
            shuffled.addAll(dated);
        });
        return shuffled;
    }

    private Set<String> categories(ItemId item) {
        Item known = catalog.get(item);
        return known == null ? Set.of() : known.categories();
    }

    private static Event event(String id, EventType type, String user, String item, Instant at) {
        OptionalDouble value = type == EventType.RATING ? OptionalDouble.of(4) : OptionalDouble.empty();
        return anEvent(id).type(type).user(user).item(item).at(at).value(value).build();
    }
}
