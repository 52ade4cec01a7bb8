package io.tandem.application.ingestion;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.LabelWeights;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.ItemFacets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * Reads the lake as implicit feedback for the retrievers and the ranker: every event whose label (by
 * {@link LabelWeights}: a purchase more than a click, a rating by its value, as `tandem evaluate` reads it) is
 * positive becomes one interaction valued at its label; impressions, skips, hides and ratings of zero teach nothing
 * here. Items
 * with any event, positive or not, form the catalogue that is ranked; their categories and creation times come
 * from the catalog in batches.
 *
 * <p>Memory holds primitive columns of the positive interactions plus one index entry per user and item, never
 * the events themselves.
 */
public final class LakeInteractions {

    /** Items per catalog read: one bounded query each, however large the catalogue. */
    static final int ITEM_BATCH = 1_000;
    /** How often, in events read, the caller hears about progress. */
    static final long PROGRESS_EVERY = 100_000;

    private final ReadLakePort readLake;
    private final LoadItemsPort loadItems;
    private final LabelWeights labelWeights;

    public LakeInteractions(ReadLakePort readLake, LoadItemsPort loadItems, LabelWeights labelWeights) {
        this.readLake = Objects.requireNonNull(readLake, "readLake");
        this.loadItems = Objects.requireNonNull(loadItems, "loadItems");
        this.labelWeights = Objects.requireNonNull(labelWeights, "labelWeights");
    }

    /**
     * The positive interactions of the dates {@code from}..{@code to} (UTC, inclusive), indexed densely in the
     * order users and items first appear.
     *
     * @param eventsRead hears the running count of events read every {@link #PROGRESS_EVERY} events
     */
    public ImplicitFeedback read(LocalDate from, LocalDate to, LongConsumer eventsRead) {
        Columns columns = new Columns();
        readLake.readEvents(from, to, event -> {
            columns.add(event);
            if (columns.events % PROGRESS_EVERY == 0) {
                eventsRead.accept(columns.events);
            }
        });
        InteractionLog log = new InteractionLog(columns.users.size(), columns.items.size(),
                Arrays.copyOf(columns.userColumn, columns.size), Arrays.copyOf(columns.itemColumn, columns.size),
                Arrays.copyOf(columns.valueColumn, columns.size), Arrays.copyOf(columns.timeColumn, columns.size));
        return new ImplicitFeedback(log, facets(columns.itemIds), List.copyOf(columns.itemIds), Map.copyOf(columns.users),
                columns.events);
    }

    /** Categories as indexes into their sorted names (so runs agree on them) and creation times, by item index. */
    private ItemFacets facets(List<ItemId> itemIds) {
        int n = itemIds.size();
        Item[] known = new Item[n];
        for (int from = 0; from < n; from += ITEM_BATCH) {
            List<ItemId> batch = itemIds.subList(from, Math.min(n, from + ITEM_BATCH));
            Map<ItemId, Item> found = loadItems.loadItems(batch);
            for (int i = 0; i < batch.size(); i++) {
                known[from + i] = found.get(batch.get(i));
            }
        }
        TreeSet<String> names = new TreeSet<>();
        for (Item item : known) {
            if (item != null) {
                names.addAll(item.categories());
            }
        }
        List<String> categoryNames = List.copyOf(names);
        Map<String, Integer> indexOf = new HashMap<>();
        for (int c = 0; c < categoryNames.size(); c++) {
            indexOf.put(categoryNames.get(c), c);
        }
        int[][] categories = new int[n][];
        long[] createdAt = new long[n];
        for (int i = 0; i < n; i++) {
            if (known[i] == null) {
                // Not (or no longer) in the catalog: the ranker sees its category and age features as unknown.
                categories[i] = new int[0];
                createdAt[i] = ItemFacets.UNKNOWN_TIME;
            } else {
                categories[i] = known[i].categories().stream().mapToInt(indexOf::get).sorted().toArray();
                createdAt[i] = known[i].createdAt().getEpochSecond();
            }
        }
        return new ItemFacets(categoryNames, categories, createdAt);
    }

    /** Growing primitive columns of the positive interactions, and the id indexes. */
    private final class Columns {

        private static final int INITIAL_CAPACITY = 1 << 12;

        final Map<UserId, Integer> users = new HashMap<>();
        final Map<ItemId, Integer> items = new HashMap<>();
        final List<ItemId> itemIds = new ArrayList<>();
        int[] userColumn = new int[INITIAL_CAPACITY];
        int[] itemColumn = new int[INITIAL_CAPACITY];
        float[] valueColumn = new float[INITIAL_CAPACITY];
        long[] timeColumn = new long[INITIAL_CAPACITY];
        int size;
        long events;

        void add(Event event) {
            events++;
            Integer item = items.get(event.item());
            if (item == null) {
                item = items.size();
                items.put(event.item(), item);
                itemIds.add(event.item());
            }
            double label = labelWeights.labelOf(event);
            if (!(label > 0)) {
                return;
            }
            Integer user = users.computeIfAbsent(event.user(), id -> users.size());
            if (size == userColumn.length) {
                int capacity = Math.multiplyExact(size, 2);
                userColumn = Arrays.copyOf(userColumn, capacity);
                itemColumn = Arrays.copyOf(itemColumn, capacity);
                valueColumn = Arrays.copyOf(valueColumn, capacity);
                timeColumn = Arrays.copyOf(timeColumn, capacity);
            }
            userColumn[size] = user;
            itemColumn[size] = item;
            valueColumn[size] = (float) label;
            timeColumn[size] = event.time().getEpochSecond();
            size++;
        }
    }

    /** The lake as interactions: the log, what is known about its items, and how many events were read. */
    public record ImplicitFeedback(InteractionLog log, ItemFacets items, List<ItemId> itemIds,
                                   Map<UserId, Integer> userIndexes, long eventsRead) {
    }
}
