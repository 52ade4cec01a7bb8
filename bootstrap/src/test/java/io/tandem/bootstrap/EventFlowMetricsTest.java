package io.tandem.bootstrap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lake counter of the console's overview counts each event once, though the archiver rewrites its chunks. */
class EventFlowMetricsTest {

    @Test
    void aChunkRewrittenAsItGrowsCountsOnlyItsNewEvents() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> written = new ArrayList<>();
        WriteLakePort lake = EventFlowMetrics.countingLakeWrites((batch, events) -> written.add(batch), registry);

        lake.write("p0-c0", events(3));
        lake.write("p0-c0", events(5));
        lake.write("p0-c0", events(5));
        lake.write("p1-c0", events(2));
        lake.write("p0-c1", events(1));

        assertThat(written).containsExactly("p0-c0", "p0-c0", "p0-c0", "p1-c0", "p0-c1");
        assertThat(registry.get("tandem.lake.events.written").counter().count()).isEqualTo(8.0);
    }

    @Test
    void aFailedWriteCountsNothing() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        WriteLakePort lake = EventFlowMetrics.countingLakeWrites((batch, events) -> {
            throw new IllegalStateException("the lake is down");
        }, registry);

        assertThatThrownBy(() -> lake.write("p0-c0", events(4))).hasMessage("the lake is down");

        assertThat(registry.get("tandem.lake.events.written").counter().count()).isZero();
    }

    private static List<Event> events(int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(anEvent("e" + i).type(EventType.CLICK).user("u").item("i" + i).at("2026-12-01T00:00:00Z").build());
        }
        return events;
    }
}
