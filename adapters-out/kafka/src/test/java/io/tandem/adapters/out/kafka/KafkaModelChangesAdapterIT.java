package io.tandem.adapters.out.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.application.registry.port.out.ModelChangeNotPublishedException;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelStageChanged;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model-change publisher against the broker of scripts/services.sh, on a topic of each test's own. */
class KafkaModelChangesAdapterIT {

    private static final String BOOTSTRAP = KafkaEventLogAdapterIT.BOOTSTRAP;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createsAOnePartitionTopicAndPublishesEachChangeAsJsonKeyedByModelName() throws Exception {
        String topic = "tandem-models-it-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T10:15:30.123Z");
        try (KafkaModelChangesAdapter adapter = new KafkaModelChangesAdapter(
                new KafkaModelChangesSettings(BOOTSTRAP, topic, (short) 1, Duration.ofSeconds(5)))) {
            adapter.publish(new ModelStageChanged("two-stage", "v-\"1\"", ModelStage.CHAMPION, at));
            adapter.publish(new ModelStageChanged("two-stage", "v2", ModelStage.CHAMPION, at.plusSeconds(1)));
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            assertThat(description.partitions()).hasSize(1);
        }
        List<ConsumerRecord<String, byte[]>> records = readAll(topic, 2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("two-stage", "two-stage");
        JsonNode first = JSON.readTree(records.get(0).value());
        assertThat(first.get("name").asText()).isEqualTo("two-stage");
        assertThat(first.get("version").asText()).isEqualTo("v-\"1\"");
        assertThat(first.get("stage").asText()).isEqualTo("champion");
        assertThat(Instant.parse(first.get("changedAt").asText())).isEqualTo(at);
        assertThat(JSON.readTree(records.get(1).value()).get("version").asText()).isEqualTo("v2");
    }

    @Test
    void anUnreachableClusterFailsThePublicationWithinItsTimeout() throws Exception {
        String nobody = "127.0.0.1:" + freePort();
        try (KafkaModelChangesAdapter adapter = new KafkaModelChangesAdapter(
                new KafkaModelChangesSettings(nobody, "tandem.models", (short) 1, Duration.ofMillis(500)))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> adapter.publish(new ModelStageChanged("two-stage", "v1", ModelStage.CHAMPION,
                    Instant.now())))
                    .isInstanceOf(ModelChangeNotPublishedException.class)
                    .hasMessageContaining("tandem.models");
            // Topic creation and the send are each bounded by the timeout, plus the acknowledgement grace.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void settingsNameTheFieldTheyRefuse() {
        assertThatThrownBy(() -> new KafkaModelChangesSettings(BOOTSTRAP, "no spaces", (short) 1,
                Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("topic"));
        assertThatThrownBy(() -> new KafkaModelChangesSettings(BOOTSTRAP, "t", (short) 1, Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("publishTimeout"));
        assertThatThrownBy(() -> new KafkaModelChangesSettings(" ", "t", (short) 1, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("bootstrapServers"));
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
