package io.tandem.adapters.in.bench;

import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.EventValidation;
import io.tandem.domain.interaction.LabelWeights;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.ItemFacets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The split of {@code bench quality --dataset events}: an NDJSON events file cut at an instant. */
final class EventFileSplit {

    private EventFileSplit() {
    }

    /**
     * An NDJSON events file cut at {@code cut}: every readable event before it is replayed as written; each user's
     * positive events at or after it (by the default label weights) are the truth. The offline fold trains on the
     * positive events before the cut. The catalogue is every item the file names, created at its first event.
     */
    static QualitySplit read(Path file, Instant cut) throws IOException {
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
            catalog.add(QualitySplit.itemJson(itemIds.get(item), facets, item));
        }
        return new QualitySplit("events", "cut", file.getFileName() + " cut at " + cut, userIds, itemIds, catalog,
                replay, replayUsers, before.toLog(userIds.size(), itemIds.size()), after.toLog(userIds.size(), itemIds.size()),
                facets, rejected);
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
