package io.tandem.adapters.in.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaEventLogConsumerSettingsTest {

    @Test
    void defaultsReadTheEventTopicAndDeadLetterItsSibling() {
        KafkaEventLogConsumerSettings settings = KafkaEventLogConsumerSettings.defaults(" kafka:9092 ", "g");

        assertThat(settings.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(settings.topic()).isEqualTo("tandem.events");
        assertThat(settings.deadLetterTopic()).isEqualTo("tandem.events.dlq");
        assertThat(settings.idleFlush()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.extraProperties()).isEmpty();
    }

    @Test
    void scopedExtraPropertiesGoToTheirClientAndWinOverUnscopedOnes() {
        KafkaEventLogConsumerSettings settings = withExtras(Map.of(
                "security.protocol", "SSL",
                "max.poll.records", "500",
                "consumer.max.poll.records", "100",
                "producer.linger.ms", "20"));

        assertThat(settings.consumerProperties()).containsOnly(
                Map.entry("security.protocol", "SSL"), Map.entry("max.poll.records", "100"));
        assertThat(settings.producerProperties()).containsOnly(
                Map.entry("security.protocol", "SSL"), Map.entry("max.poll.records", "500"),
                Map.entry("linger.ms", "20"));
    }

    @Test
    void aCrashedMembersPartitionsMoveAfterTenSecondsUnlessAnOperatorSaysOtherwise() {
        assertThat(EventLogClients.consumerConfig(KafkaEventLogConsumerSettings.defaults("kafka:9092", "g")))
                .containsEntry("session.timeout.ms", 10_000).containsEntry("heartbeat.interval.ms", 3_000);
        assertThat(EventLogClients.consumerConfig(withExtras(Map.of("consumer.session.timeout.ms", "45000"))))
                .containsEntry("session.timeout.ms", "45000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enable.auto.commit", "consumer.enable.auto.commit", "producer.acks", "group.id",
        "isolation.level", "value.deserializer"})
    void propertiesTheGuaranteesRestOnCannotBeOverridden(String key) {
        assertThatThrownBy(() -> withExtras(Map.of(key, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }

    @Test
    void invalidSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> KafkaEventLogConsumerSettings.defaults(" ", "g"))
                .hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> new KafkaEventLogConsumerSettings("k:9092", "t", "t", "g", Duration.ofMillis(100),
                Duration.ofSeconds(1), Map.of())).hasMessageContaining("deadLetterTopic");
        assertThatThrownBy(() -> new KafkaEventLogConsumerSettings("k:9092", "t", "d", "g", Duration.ZERO,
                Duration.ofSeconds(1), Map.of())).hasMessageContaining("pollTimeout");
        assertThatThrownBy(() -> new KafkaEventLogConsumerSettings("k:9092", "t", "d", "g", Duration.ofMillis(100),
                Duration.ofSeconds(-1), Map.of())).hasMessageContaining("idleFlush");
    }

    private static KafkaEventLogConsumerSettings withExtras(Map<String, String> extras) {
        return new KafkaEventLogConsumerSettings("k:9092", "t", "d", "g", Duration.ofMillis(100),
                Duration.ofSeconds(1), extras);
    }
}
