package io.tandem.adapters.in.bench;

import io.tandem.domain.TimeWindow;
import io.tandem.domain.interaction.EventSubmission;
import io.tandem.domain.interaction.EventValidation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BenchDataSetTest {

    private static final Instant END = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void showsEveryItemAndGivesAboutTheAskedEventsPerUser() {
        BenchDataSet data = new BenchDataSet(2_000, 500, 20, 7, END);
        List<EventSubmission> events = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();

        data.events(1_000, batch -> {
            batches.add(batch.size());
            events.addAll(batch);
        });

        Set<String> shown = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (EventSubmission event : events) {
            EventValidation validation = event.validate(TimeWindow.DEFAULT, END);
            assertThat(validation).isInstanceOf(EventValidation.Valid.class);
            EventSubmission.Fields fields = (EventSubmission.Fields) event;
            shown.add(fields.itemId());
            ids.add(fields.id());
        }
        assertThat(shown).hasSize(2_000);
        assertThat(ids).as("event ids are unique").hasSize(events.size());
        assertThat(data.eventCount()).isEqualTo(events.size());
        assertThat(batches).allMatch(size -> size <= 1_000);
        // About 20 per user plus one impression per item.
        assertThat(events.size() - 2_000).isBetween(500 * 15, 500 * 25);
        assertThat(data.usersWithHistory().size()).isGreaterThan(450);
        assertThat(data.lastClicks(10)).hasSize(10);
    }

    @Test
    void theSameSeedGivesTheSameData() {
        assertThat(eventsOf(new BenchDataSet(300, 50, 10, 3, END)))
                .isEqualTo(eventsOf(new BenchDataSet(300, 50, 10, 3, END)));
        assertThat(new BenchDataSet(300, 50, 10, 3, END).items())
                .isEqualTo(new BenchDataSet(300, 50, 10, 3, END).items());
    }

    private static List<EventSubmission> eventsOf(BenchDataSet data) {
        List<EventSubmission> events = new ArrayList<>();
        data.events(100, events::addAll);
        return events;
    }
}
