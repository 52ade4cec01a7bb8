package io.tandem.bootstrap;

import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.domain.interaction.Event;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Embedded mode: every accepted event reaches the Parquet lake once, repeats and rejects never. */
class LakeArchivingTest {

    @Test
    void acceptedEventsLandInTheLakeExactlyOnce() throws Exception {
        try (TandemHttp tandem = TandemHttp.start(Map.of("tandem.lake.chunk-events", 7))) {
            for (int batch = 0; batch < 5; batch++) {
                int first = batch * 10;
                String events = IntStream.range(first, first + 12)
                        .mapToObj(i -> "{\"id\":\"lake-" + i + "\",\"type\":\"click\",\"userId\":\"u" + i % 3
                                + "\",\"itemId\":\"i" + i + "\",\"time\":\"2026-11-" + (10 + i % 5) + "T12:00:00Z\"}")
                        .collect(Collectors.joining(",", "[", ",{\"type\":\"bogus\"}]"));
                assertThat(tandem.postJson("/v1/events", events).status()).isEqualTo(202);
            }
            tandem.context().getBean(LocalLogArchiver.class).drain();

            List<String> ids = new ArrayList<>();
            tandem.context().getBean(ReadLakePort.class).readEvents(LocalDate.parse("2026-11-01"),
                    LocalDate.parse("2026-11-30"), (Event event) -> ids.add(event.id().value()));

            // Batches overlap by two ids (10, 11 / 20, 21 / ...): 52 distinct events were accepted.
            assertThat(ids).doesNotHaveDuplicates().hasSize(52);
            assertThat(ids).contains("lake-0", "lake-51");
        }
    }
}
