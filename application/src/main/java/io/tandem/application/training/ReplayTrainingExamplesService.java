package io.tandem.application.training;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.training.port.in.ReplaySummary;
import io.tandem.application.training.port.in.ReplayTrainingExamplesQuery;
import io.tandem.application.training.port.in.ReplayTrainingExamplesUseCase;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.feature.OnlineFeatures;
import io.tandem.domain.feature.TrainingExample;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Replays the lake through {@link FeaturePolicy} and {@link OnlineFeatures}, the code the online store runs,
 * and emits each example's features before its event is applied.
 *
 * <p>Why the features cannot leak: the lake hands over one UTC date after the other (its partitions), each
 * date is sorted by event time, and events of one instant are handled as a group: first every example of the
 * group takes its snapshot, then the group is applied. So an example's features hold exactly the events of
 * strictly earlier instants, never its own, a simultaneous one, or a later one. Event time stands in for
 * arrival time, which the lake does not keep.
 *
 * <p>Memory holds the replayed state and one date of events at a time. Item categories come from the catalog
 * as it is now (it keeps no history), read in one batch per date.
 */
public final class ReplayTrainingExamplesService implements ReplayTrainingExamplesUseCase {

    private static final Comparator<Event> TIME_ORDER = Comparator.comparing(Event::time)
            .thenComparing(event -> event.id().value());

    private final FeaturePolicy policy;
    private final ReadLakePort readLake;
    private final LoadItemsPort loadItems;

    public ReplayTrainingExamplesService(FeaturePolicy policy, ReadLakePort readLake, LoadItemsPort loadItems) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.readLake = Objects.requireNonNull(readLake, "readLake");
        this.loadItems = Objects.requireNonNull(loadItems, "loadItems");
    }

    @Override
    public ReplaySummary replay(ReplayTrainingExamplesQuery query, Consumer<TrainingExample> examples) {
        Objects.requireNonNull(examples, "examples");
        Replay replay = new Replay(query, examples);
        readLake.readEvents(query.from(), query.to(), replay::accept);
        replay.flush();
        return new ReplaySummary(replay.events, replay.examples, replay.duplicates);
    }

    /** The state of one replay run. */
    private final class Replay {

        private final ReplayTrainingExamplesQuery query;
        private final Consumer<TrainingExample> sink;
        private final Instant examplesFrom;
        private final OnlineFeatures features = OnlineFeatures.forReplay(policy);
        private final List<Event> day = new ArrayList<>();
        private LocalDate date;
        private long events;
        private long examples;
        private long duplicates;

        Replay(ReplayTrainingExamplesQuery query, Consumer<TrainingExample> sink) {
            this.query = query;
            this.sink = sink;
            this.examplesFrom = query.examplesFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        void accept(Event event) {
            LocalDate eventDate = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
            if (date != null && eventDate.isBefore(date)) {
                // Applying it now would let earlier examples of this date see a later event: refuse instead.
                throw new IllegalStateException("the lake returned an event of " + eventDate + " after events of "
                        + date + "; replay needs its dates in order");
            }
            if (date != null && eventDate.isAfter(date)) {
                flush();
            }
            date = eventDate;
            day.add(event);
        }

        void flush() {
            if (day.isEmpty()) {
                return;
            }
            day.sort(TIME_ORDER);
            Map<ItemId, Item> catalog = loadItems.loadItems(day.stream().map(Event::item).distinct().toList());
            int start = 0;
            while (start < day.size()) {
                int end = start;
                Instant instant = day.get(start).time();
                while (end < day.size() && day.get(end).time().equals(instant)) {
                    end++;
                }
                handleInstant(day.subList(start, end), catalog);
                start = end;
            }
            events += day.size();
            day.clear();
        }

        private void handleInstant(List<Event> group, Map<ItemId, Item> catalog) {
            Set<EventId> seen = new HashSet<>();
            for (Event event : group) {
                boolean repeated = features.hasApplied(event.id()) || !seen.add(event.id());
                if (repeated) {
                    duplicates++;
                } else if (isExample(event)) {
                    sink.accept(new TrainingExample(event, policy.labelWeights().labelOf(event),
                            features.snapshot(event.user(), event.item(), categoriesOf(catalog.get(event.item())),
                                    event.time(), query.recentItems())));
                    examples++;
                }
            }
            for (Event event : group) {
                features.apply(policy.updateFor(event, categoriesOf(catalog.get(event.item()))));
            }
        }

        private boolean isExample(Event event) {
            return query.exampleTypes().contains(event.type()) && !event.time().isBefore(examplesFrom);
        }
    }

    private static Set<String> categoriesOf(Item item) {
        // Sorted, so an example's per-category features come in the same order in every run.
        return item == null ? Set.of() : new TreeSet<>(item.categories());
    }
}
