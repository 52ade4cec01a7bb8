package io.tandem.adapters.in.cli.bench;

import io.tandem.adapters.in.cli.evaluate.EvaluationSplits;
import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.EventValidation;
import io.tandem.domain.interaction.LabelWeights;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private QualitySplit(String dataset, String protocol, String label, List<String> userIds, List<String> itemIds,
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

    /**
     * An NDJSON events file cut at {@code cut}: every readable event before it is replayed as written; each user's
     * positive events at or after it (by the default label weights) are the truth. The offline fold trains on the
     * positive events before the cut. The catalogue is every item the file names, created at its first event.
     */
    static QualitySplit ofEvents(Path file, Instant cut) throws IOException {
        LabelWeights weights = LabelWeights.defaults();
        TimeWindow anyTime = new TimeWindow(Instant.EPOCH, java.time.Duration.ofDays(366));
        Instant now = Instant.now();
        Map<String, Integer> users = new HashMap<>();
        List<String> userIds = new ArrayList<>();
        Map<String, Integer> items = new HashMap<>();
        List<String> itemIds = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        Columns before = new Columns();
        Columns after = new Columns();
        List<String> replay = new ArrayList<>();
        List<String> replayUsers = new ArrayList<>();
        int rejected = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                EventSubmission submission = EventWireFormat.record(line.getBytes(StandardCharsets.UTF_8));
                if (!(submission.validate(anyTime, now) instanceof EventValidation.Valid valid)) {
                    rejected++;
                    continue;
                }
                Event event = valid.event();
                int user = users.computeIfAbsent(event.user().value(), id -> {
                    userIds.add(id);
                    return userIds.size() - 1;
                });
                long seconds = event.time().getEpochSecond();
                int item = items.computeIfAbsent(event.item().value(), id -> {
                    itemIds.add(id);
                    created.add(seconds);
                    return itemIds.size() - 1;
                });
                created.set(item, Math.min(created.get(item), seconds));
                boolean replayed = event.time().isBefore(cut);
                if (replayed) {
                    replay.add(line.strip());
                    replayUsers.add(event.user().value());
                }
                double label = weights.labelOf(event);
                if (label > 0) {
                    (replayed ? before : after).add(user, item, (float) label, seconds);
                }
            }
        }
        List<String> catalog = new ArrayList<>(itemIds.size());
        long[] times = new long[itemIds.size()];
        for (int item = 0; item < itemIds.size(); item++) {
            times[item] = created.get(item);
        }
        ItemFacets facets = new ItemFacets(List.of(), new int[itemIds.size()][0], times);
        for (int item = 0; item < itemIds.size(); item++) {
            catalog.add(itemJson(itemIds.get(item), facets, item));
        }
        return new QualitySplit("events", "cut", file.getFileName() + " cut at " + cut, userIds, itemIds, catalog,
                replay, replayUsers, before.toLog(userIds.size(), itemIds.size()), after.toLog(userIds.size(), itemIds.size()),
                facets, rejected);
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

    private static String itemJson(String id, ItemFacets facets, int item) {
        StringBuilder json = new StringBuilder("{\"itemId\":").append(quote(id)).append(",\"categories\":[");
        int[] own = facets.categories()[item];
        for (int c = 0; c < own.length; c++) {
            json.append(c == 0 ? "" : ",").append(quote(facets.categoryNames().get(own[c])));
        }
        Instant createdAt = facets.hasCreationTime(item) ? Instant.ofEpochSecond(facets.createdAt()[item])
                : Instant.EPOCH;
        return json.append("],\"createdAt\":").append(quote(createdAt.toString())).append('}').toString();
    }

    private static String eventJson(String id, String type, String user, String item, Instant time, float value) {
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

    /** Positive interactions as growing columns. */
    private static final class Columns {
        private final List<int[]> pairs = new ArrayList<>();
        private final List<Float> values = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();

        void add(int user, int item, float value, long time) {
            pairs.add(new int[] {user, item});
            values.add(value);
            times.add(time);
        }

        InteractionLog toLog(int userCount, int itemCount) {
            int n = pairs.size();
            int[] u = new int[n];
            int[] i = new int[n];
            float[] v = new float[n];
            long[] t = new long[n];
            for (int row = 0; row < n; row++) {
                u[row] = pairs.get(row)[0];
                i[row] = pairs.get(row)[1];
                v[row] = values.get(row);
                t[row] = times.get(row);
            }
            return new InteractionLog(userCount, itemCount, u, i, v, t);
        }
    }
}
