package io.tandem.adapters.in.bench;

import io.tandem.domain.interaction.EventSubmission;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchTrainDataSetTest {

    private static final Instant END = Instant.parse("2026-12-07T00:00:00Z");

    private static List<EventSubmission.Fields> events(BenchTrainDataSet data) {
        List<EventSubmission.Fields> all = new ArrayList<>();
        data.events(1_000, batch -> batch.forEach(event -> all.add((EventSubmission.Fields) event)));
        return all;
    }

    @Test
    void itGeneratesAboutTheEventsAskedForEveryUserAndTheSameOnesForTheSameSeed() {
        BenchTrainDataSet data = new BenchTrainDataSet(2_000, 1_000, 20_000, 7, END);
        List<EventSubmission.Fields> events = events(data);

        assertThat((double) events.size()).isCloseTo(20_000, within(2_000.0));
        assertThat(data.eventCount()).isEqualTo(events.size());
        assertThat(events.stream().map(EventSubmission.Fields::userId).distinct().count()).isEqualTo(1_000);
        assertThat(events.stream().map(EventSubmission.Fields::id).distinct().count()).isEqualTo(events.size());
        assertThat(events(new BenchTrainDataSet(2_000, 1_000, 20_000, 7, END))).isEqualTo(events);
        assertThat(events(new BenchTrainDataSet(2_000, 1_000, 20_000, 8, END))).isNotEqualTo(events);
    }

    @Test
    void popularityHasALongTailAFewItemsTakeMuchOfIt() {
        List<EventSubmission.Fields> events = events(new BenchTrainDataSet(5_000, 2_000, 60_000, 7, END));
        Map<String, Integer> perItem = new HashMap<>();
        events.stream().filter(e -> e.type().equals("click")).forEach(e -> perItem.merge(e.itemId(), 1, Integer::sum));
        int[] counts = perItem.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        long total = Arrays.stream(counts).sum();
        long top = Arrays.stream(counts, Math.max(0, counts.length - 50), counts.length).sum();

        // The 50 most clicked items (1% of the catalogue) take far more than 1% of the clicks...
        assertThat((double) top / total).isGreaterThan(0.15);
        // ...and at least half of the items clicked at all are clicked at most a few times.
        assertThat(counts[counts.length / 2]).isLessThanOrEqualTo(5);
    }

    @Test
    void everyImpressionShowsAnItemAliveAtItsTime() {
        BenchTrainDataSet data = new BenchTrainDataSet(3_000, 500, 10_000, 7, END);
        Instant start = END.minus(BenchTrainDataSet.SPAN);
        Set<String> shownWhileAlive = new HashSet<>();
        for (EventSubmission.Fields event : events(data)) {
            if (event.type().equals("impression")) {
                int item = Integer.parseInt(event.itemId().substring(1));
                long at = Instant.parse(event.time()).toEpochMilli() - start.toEpochMilli();
                assertThat(data.isAlive(item, at)).as("%s at %s", event.itemId(), event.time()).isTrue();
                shownWhileAlive.add(event.itemId());
            }
        }
        assertThat(shownWhileAlive).isNotEmpty();
    }
}
