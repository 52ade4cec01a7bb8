package io.tandem.adapters.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

class KafkaEventLogSettingsTest {

    private static KafkaEventLogSettings settings(String bootstrap, String topic, int partitions, int replication,
                                                  Duration timeout, Map<String, String> extra) {
        return new KafkaEventLogSettings(bootstrap, topic, partitions, (short) replication, timeout, extra);
    }

    @Test
    void defaultsNameTheEventTopic() {
        KafkaEventLogSettings settings = KafkaEventLogSettings.of(" 127.0.0.1:9092 ");

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.topic()).isEqualTo("tandem.events");
        assertThat(settings.partitions()).isEqualTo(6);
        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
        assertThat(settings.deliveryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.producers()).isEqualTo(4);
        assertThat(settings.transactionalIdPrefix()).isEqualTo("tandem-event-log");
        assertThat(settings.extraProducerProperties()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65})
    void refusesAProducerPoolOutsideTheSensibleRange(int producers) {
        assertThatThrownBy(() -> new KafkaEventLogSettings("k:9092", "t", 1, (short) 1, Duration.ofSeconds(5),
                producers, "tandem", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("producers:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void refusesABlankTransactionalIdPrefix(String prefix) {
        assertThatThrownBy(() -> new KafkaEventLogSettings("k:9092", "t", 1, (short) 1, Duration.ofSeconds(5), 4,
                prefix, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("transactionalIdPrefix:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void refusesABlankBootstrap(String bootstrap) {
        assertThatThrownBy(() -> KafkaEventLogSettings.of(bootstrap))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bootstrapServers:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "kafka", "kafka:port", "a:9092,", "a:9092,b", "http//a:1"})
    void refusesABootstrapListThatIsNotHostAndPortPairs(String bootstrap) {
        assertThatThrownBy(() -> KafkaEventLogSettings.of(bootstrap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrapServers: '" + bootstrap + "' is not a host:port[,host:port...] list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:9092", "a:1, b.example.com:9093", "[::1]:9092", "PLAINTEXT://kafka:9092"})
    void acceptsWhatTheKafkaClientAccepts(String bootstrap) {
        assertThat(KafkaEventLogSettings.of(bootstrap).bootstrapServers()).isEqualTo(bootstrap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "has space", "slash/topic", "ü"})
    void refusesWhatKafkaWouldRefuseAsATopicName(String topic) {
        assertThatThrownBy(() -> settings("k:9092", topic, 1, 1, Duration.ofSeconds(5), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("topic:");
    }

    @Test
    void refusesATopicNameLongerThanKafkaAllows() {
        assertThatThrownBy(() -> settings("k:9092", "t".repeat(250), 1, 1, Duration.ofSeconds(5), Map.of()))
                .hasMessageStartingWith("topic:");
        assertThat(settings("k:9092", "t".repeat(249), 1, 1, Duration.ofSeconds(5), Map.of()).topic()).hasSize(249);
    }

    @Test
    void refusesNonPositivePartitionsAndReplication() {
        assertThatThrownBy(() -> settings("k:9092", "t", 0, 1, Duration.ofSeconds(5), Map.of()))
                .hasMessageStartingWith("partitions:");
        assertThatThrownBy(() -> settings("k:9092", "t", 1, 0, Duration.ofSeconds(5), Map.of()))
                .hasMessageStartingWith("replicationFactor:");
    }

    @Test
    void refusesDeliveryTimeoutsOutsideTheSensibleRange() {
        assertThatThrownBy(() -> settings("k:9092", "t", 1, 1, Duration.ofMillis(999), Map.of()))
                .hasMessageStartingWith("deliveryTimeout:");
        assertThatThrownBy(() -> settings("k:9092", "t", 1, 1, Duration.ofMinutes(3), Map.of()))
                .hasMessageStartingWith("deliveryTimeout:");
        assertThat(settings("k:9092", "t", 1, 1, Duration.ofSeconds(1), Map.of()).deliveryTimeout())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesExtrasThatWouldWeakenDurabilityOrTimeouts() {
        assertThatThrownBy(() -> settings("k:9092", "t", 1, 1, Duration.ofSeconds(5),
                Map.of("acks", "1", "linger.ms", "20", "max.block.ms", "60000", "transactional.id", "mine",
                        "transaction.timeout.ms", "900000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("extraProducerProperties: [acks, max.block.ms, transaction.timeout.ms,"
                        + " transactional.id]");
    }

    @Test
    void keepsAnImmutableCopyOfTheExtras() {
        Map<String, String> extra = new HashMap<>(Map.of("linger.ms", "20"));
        KafkaEventLogSettings settings = settings("k:9092", "t", 1, 1, Duration.ofSeconds(5), extra);
        extra.put("compression.type", "zstd");

        assertThat(settings.extraProducerProperties()).containsExactly(Map.entry("linger.ms", "20"));
        assertThatThrownBy(() -> settings.extraProducerProperties().put("a", "b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void extrasTuneTheProducerButNeverTheContract() {
        KafkaEventLogSettings settings = settings("k:9092", "t", 1, 1, Duration.ofSeconds(4),
                Map.of("compression.type", "zstd", "linger.ms", "20"));

        var properties = KafkaEventLogAdapter.producerProperties(settings);

        assertThat(properties).containsEntry("compression.type", "zstd").containsEntry("linger.ms", "20")
                .containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("delivery.timeout.ms", 4000).containsEntry("request.timeout.ms", 2000)
                .containsEntry("max.block.ms", 4000L).containsEntry("transaction.timeout.ms", 12000)
                .doesNotContainKey("transactional.id");
    }
}
