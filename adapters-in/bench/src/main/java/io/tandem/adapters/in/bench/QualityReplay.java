package io.tandem.adapters.in.bench;

import java.util.List;
import java.util.Map;

/** The replay of {@code bench quality}: the catalogue over HTTP, then the split's events over HTTP or Kafka. */
final class QualityReplay {

    private static final int EVENT_BATCH = 5_000;
    private static final int ITEM_BATCH = 10_000;

    private final String via;
    private final RunProgress progress;

    /** @param via {@code http} or {@code kafka} */
    QualityReplay(String via, RunProgress progress) {
        this.via = via;
        this.progress = progress;
    }

    /** The catalogue over HTTP, then the events in batches of 5,000, over HTTP or the run's Kafka topic. */
    void replay(QualitySplit split, QualityClient client, Map<String, Object> properties,
                        Map<String, Object> result) throws InterruptedException {
        List<String> catalog = split.catalogJson();
        int upserted = 0;
        for (int from = 0; from < catalog.size(); from += ITEM_BATCH) {
            upserted += client.upsertItems(catalog.subList(from, Math.min(catalog.size(), from + ITEM_BATCH)));
        }
        progress.line("catalogue: %,d items upserted", upserted);
        List<String> events = split.replayJson();
        long accepted = 0;
        long duplicates = 0;
        long rejected = 0;
        String firstRejection = "";
        long began = System.nanoTime();
        if (via.equals("kafka")) {
            String topic = (String) properties.get("tandem.kafka.topic");
            try (KafkaEventTopic kafka = new KafkaEventTopic((String) properties.get("tandem.kafka.bootstrap-servers"),
                    topic)) {
                for (int from = 0; from < events.size(); from += EVENT_BATCH) {
                    int to = Math.min(events.size(), from + EVENT_BATCH);
                    kafka.send(events.subList(from, to), split.replayUsers().subList(from, to));
                }
            }
            progress.line("events: %,d acknowledged by Kafka topic %s in %.1f s (the consumers validate them; refusals "
                    + "go to its dead-letter topic)", events.size(), topic, (System.nanoTime() - began) / 1e9);
            result.put("items", upserted);
            result.put("events_sent", events.size());
            result.put("file_lines_unreadable", split.rejectedLines());
            return;
        }
        for (int from = 0; from < events.size(); from += EVENT_BATCH) {
            QualityClient.Ingested batch = client.recordEvents(events.subList(from,
                    Math.min(events.size(), from + EVENT_BATCH)));
            accepted += batch.accepted();
            duplicates += batch.duplicates();
            rejected += batch.rejected();
            if (firstRejection.isEmpty()) {
                firstRejection = batch.firstRejection();
            }
        }
        progress.line("events: %,d sent, %,d accepted, %,d duplicates, %,d rejected in %.1f s%s", events.size(),
                accepted, duplicates, rejected, (System.nanoTime() - began) / 1e9,
                firstRejection.isEmpty() ? "" : "; first refusal: " + firstRejection);
        result.put("items", upserted);
        result.put("events_sent", events.size());
        result.put("events_accepted", accepted);
        result.put("events_duplicates", duplicates);
        result.put("events_rejected", rejected);
        result.put("file_lines_unreadable", split.rejectedLines());
    }
}
