package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry poll interval (ADR-0017): 1 s on the embedded adapters, 30 s with Kafka, where notifications carry
 * champion changes and polling is the safety net; a set value always wins. Reads the shipped application.yml.
 */
class ModelPollIntervalTest {

    @Test
    void embeddedPollsEverySecond() {
        assertThat(interval(Map.of())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void withTheKafkaEventLogPollingIsTheSlowSafetyNet() {
        assertThat(interval(Map.of("tandem.event-log", "kafka"))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aSetIntervalWinsEitherWay() {
        assertThat(interval(Map.of("tandem.event-log", "kafka", "tandem.serving.model-poll-interval", "1h")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(interval(Map.of("tandem.serving.model-poll-interval", "200ms"))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aNonPositiveIntervalIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> interval(Map.of("tandem.serving.model-poll-interval", "0s")))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("tandem.serving.model-poll-interval"));
    }

    private static Duration interval(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            Environment environment = context.getEnvironment().start();
            return ServingLifecycle.modelPollInterval(environment, new AdapterSelection(environment));
        }
    }
}
