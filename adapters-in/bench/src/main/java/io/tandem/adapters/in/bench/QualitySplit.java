package io.tandem.adapters.in.bench;

import io.tandem.adapters.shared.datasets.EvaluationSplits;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One split that {@code bench quality} replays and scores: the catalogue, the events that go in (as JSON objects of
 * the wire format), and what each user did afterwards (the truth), together with the one-fold dataset on which
 * {@code tandem evaluate}'s offline figure is computed. The replayed events and the offline training part are the
 * same interactions, so the served and the offline figures judge the same split.
 */
final class QualitySplit {

    private final String dataset;
    private final String protocol;
    private final String label;
    private final List<String> userIds;
    private final List<String> itemIds;
    private final Map<String, Integer> itemIndex;
    private final List<String> catalogJson;
    private final List<String> replayJson;
    private final List<String> replayUsers;
    private final InteractionMatrix train;
    private final InteractionMatrix test;
    private final EvaluationDataset offline;
    private final int rejectedLines;

    QualitySplit(String dataset, String protocol, String label, List<String> userIds, List<String> itemIds,
                         List<String> catalogJson, List<String> replayJson, List<String> replayUsers,
                         InteractionLog trainLog,
                         InteractionLog testLog, ItemFacets facets, int rejectedLines) {
        this.dataset = dataset;
        this.protocol = protocol;
        this.label = label;
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.itemIndex = new HashMap<>();
        for (int i = 0; i < itemIds.size(); i++) {
            itemIndex.put(itemIds.get(i), i);
        }
        this.catalogJson = catalogJson;
        this.replayJson = replayJson;
        this.replayUsers = replayUsers;
        this.train = InteractionMatrix.of(trainLog);
        this.test = InteractionMatrix.of(testLog);
        this.offline = new EvaluationDataset(dataset, protocol, facets, List.of(new Fold(trainLog, testLog)));
        this.rejectedLines = rejectedLines;
    }

    /**
     * One fold of a dataset {@code evaluate} reads: its training part replayed as events of {@code eventType}
     * (the importer's: {@code rating} for MovieLens, {@code view} with the play count for Last.fm), in time order.
     */
    static QualitySplit of(EvaluationSplits.Named named, int fold, String label, String eventType,
                           String idPrefix) {
        EvaluationDataset data = named.dataset();
        Fold chosen = data.folds().get(fold);
        ItemFacets facets = data.items();
        List<String> catalog = new ArrayList<>(named.itemIds().size());
        for (int item = 0; item < named.itemIds().size(); item++) {
            catalog.add(itemJson(named.itemIds().get(item), facets, item));
        }
        InteractionLog log = chosen.train();
        Integer[] order = IntStream.range(0, log.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(row -> log.times()[row]));
        List<String> replay = new ArrayList<>(log.size());
        List<String> replayUsers = new ArrayList<>(log.size());
        for (int row : order) {
            String user = named.userIds().get(log.users()[row]);
            replayUsers.add(user);
            String item = named.itemIds().get(log.items()[row]);
            replay.add(eventJson(idPrefix + "-" + user + "-" + item, eventType, user, item,
                    Instant.ofEpochSecond(log.times()[row]), log.values()[row]));
        }
        return new QualitySplit(data.name(), data.protocol(), label, named.userIds(), named.itemIds(), catalog,
                replay, replayUsers, log, chosen.test(), facets, 0);
    }

    String dataset() {
        return dataset;
    }

    String protocol() {
        return protocol;
    }

    /** Which split this is, for example {@code u1}. */
    String label() {
        return label;
    }

    List<String> catalogJson() {
        return catalogJson;
    }

    List<String> replayJson() {
        return replayJson;
    }

    /** The user of each replayed event, the key of its Kafka record. */
    List<String> replayUsers() {
        return replayUsers;
    }

    int itemCount() {
        return itemIds.size();
    }

    String userId(int user) {
        return userIds.get(user);
    }

    /** The index of an item id, or -1 for an item the split does not know. */
    int itemIndex(String id) {
        return itemIndex.getOrDefault(id, -1);
    }

    /** Whether the user had the item in the replayed part. */
    boolean seen(int user, int item) {
        return item >= 0 && train.contains(user, item);
    }

    /**
     * The users {@code evaluate} scores: those with a test item they had not seen in the replayed part, in index
     * order.
     */
    int[] testUsers() {
        return IntStream.range(0, test.userCount()).filter(user -> relevant(user).length > 0).toArray();
    }

    /** The user's test items not seen in the replayed part. */
    int[] relevant(int user) {
        int[] columns = test.columns();
        int[] kept = new int[test.rowLength(user)];
        int size = 0;
        for (int p = test.rowStart(user); p < test.rowEnd(user); p++) {
            if (!train.contains(user, columns[p])) {
                kept[size++] = columns[p];
            }
        }
        return Arrays.copyOf(kept, size);
    }

    /** The one-fold dataset the offline figure is computed on. */
    EvaluationDataset offline() {
        return offline;
    }

    /** Lines of an events file that the wire format refused; they are neither replayed nor truth. */
    int rejectedLines() {
        return rejectedLines;
    }

    static String itemJson(String id, ItemFacets facets, int item) {
        StringBuilder json = new StringBuilder("{\"itemId\":").append(quote(id)).append(",\"categories\":[");
        int[] own = facets.categories()[item];
        for (int c = 0; c < own.length; c++) {
            json.append(c == 0 ? "" : ",").append(quote(facets.categoryNames().get(own[c])));
        }
        Instant createdAt = facets.hasCreationTime(item) ? Instant.ofEpochSecond(facets.createdAt()[item])
                : Instant.EPOCH;
        return json.append("],\"createdAt\":").append(quote(createdAt.toString())).append('}').toString();
    }

    static String eventJson(String id, String type, String user, String item, Instant time, float value) {
        return "{\"id\":" + quote(id) + ",\"type\":" + quote(type) + ",\"userId\":" + quote(user) + ",\"itemId\":"
                + quote(item) + ",\"time\":" + quote(time.toString()) + ",\"value\":"
                + String.format(Locale.ROOT, "%s", value == Math.rint(value) ? Long.toString((long) value)
                : Float.toString(value)) + "}";
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
