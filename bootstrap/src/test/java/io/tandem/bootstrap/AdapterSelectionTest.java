package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.tandem.adapters.out.memory.InMemoryEventLogAdapter;
import io.tandem.adapters.out.memory.InMemoryOnlineFeaturesAdapter;
import io.tandem.application.port.out.AppendEventsPort;
import io.tandem.application.port.out.LoadPopularItemsPort;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One property per adapter choice (ADR-0005): defaults are embedded, unknown values stop start-up. */
class AdapterSelectionTest {

    @Test
    void theDefaultsAreTheEmbeddedAdapters() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(LoadPopularItemsPort.class)).isInstanceOf(InMemoryOnlineFeaturesAdapter.class);
            assertThat(context.getBean(AppendEventsPort.class)).isInstanceOf(InMemoryEventLogAdapter.class);
        }
    }

    @Test
    void anUnknownOnlineStoreStopsStartUpNamingThePropertyAndTheChoices() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("tandem.online-store", "cassandra")))
                .hasStackTraceContaining("tandem.online-store")
                .hasStackTraceContaining("'cassandra'")
                .hasStackTraceContaining("allowed: memory");
    }

    @Test
    void anUnknownEventLogStopsStartUp() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("tandem.event-log", "carrier-pigeon")))
                .hasStackTraceContaining("tandem.event-log");
    }

    @Test
    void anUnknownLabelWeightTypeStopsStartUp() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("tandem.features.label-weights.klick", 2.0))
                .getBean(io.tandem.application.port.in.RecordEventsUseCase.class))
                .hasStackTraceContaining("label-weights.klick");
    }
}
