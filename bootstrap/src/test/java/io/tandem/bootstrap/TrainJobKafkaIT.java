package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.domain.interaction.Event;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lake barrier on the production event log (ADR-0021): events POSTed through the Kafka topic and a train job
 * queued at once train on every one of them, though the archiver writes its open chunk only when it is flushed (the
 * chunk is larger than the data set) and its idle flush comes seconds later.
 */
class TrainJobKafkaIT {

    private static final int BATCH = 5_000;
    private static final int PARTITIONS = 3;

    @Test
    void aTrainQueuedRightAfterTheLastAcceptedEventTrainsOnAllOfThemThroughKafka() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = System.getenv().getOrDefault("TANDEM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        // Created first with three partitions, so the barrier spans several (consumers that subscribe before the
        // topic exists may have the broker create it with its default of one).
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("tandem-it-" + run, PARTITIONS, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("tandem.event-log", "kafka");
        properties.put("tandem.kafka.bootstrap-servers", bootstrap);
        properties.put("tandem.kafka.topic", "tandem-it-" + run);
        properties.put("tandem.kafka.dead-letter-topic", "tandem-it-" + run + ".dlq");
        properties.put("tandem.kafka.group-prefix", "tandem-it-" + run);
        properties.put("tandem.kafka.partitions", PARTITIONS);
        properties.put("tandem.lake.chunk-events", 1_000_000);
        properties.put("tandem.serving.model-poll-interval", "1h");
        try (TandemHttp tandem = TandemHttp.start(properties)) {
            SyntheticDataset dataset = SyntheticLake.generate(11L);
            tandem.context().getBean(UpsertItemsUseCase.class).upsert(new UpsertItemsCommand(dataset.items()));
            tandem.context().getBean(UpsertUsersUseCase.class).upsert(new UpsertUsersCommand(dataset.users()));
            List<Event> events = dataset.events();
            for (int from = 0; from < events.size(); from += BATCH) {
                TandemHttp.Response response = tandem.postJson("/v1/events",
                        TrainJobHttpTest.json(events.subList(from, Math.min(events.size(), from + BATCH))));
                assertThat(response.status()).as(response.body()).isEqualTo(202);
                assertThat(response.tree().get("accepted").getLongValue()).isEqualTo(Math.min(BATCH,
                        events.size() - from));
            }

            TandemHttp.Response queued = tandem.postJson("/v1/jobs", "{\"type\":\"train\"}");
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            String jobId = queued.tree().get("jobId").getStringValue();
            JsonNode job = TrainJobHttpTest.awaitFinished(tandem, jobId);

            String message = job.get("message").getStringValue();
            assertThat(job.get("status").getStringValue()).as(message).isEqualTo("succeeded");
            assertThat(message).contains("; trained on " + events.size() + " lake events")
                    .contains("partition 0 at").contains("partition 1 at").contains("partition 2 at")
                    .endsWith("; live on this instance");
            TandemHttp.Response answer = tandem.get("/v1/users/u00001/recommendations?count=10");
            assertThat(answer.tree().get("fallback").get("used").getBooleanValue()).as(answer.body()).isFalse();
        }
    }
}
