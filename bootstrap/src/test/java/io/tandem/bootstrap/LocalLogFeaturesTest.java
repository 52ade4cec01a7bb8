package io.tandem.bootstrap;

import io.tandem.application.feature.port.in.UpdateOnlineFeaturesCommand;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The online features of an in-process log miss nothing when their store fails for a while (ADR-0020). */
class LocalLogFeaturesTest {

    private final List<Event> log = new ArrayList<>();
    private final Set<String> applied = new LinkedHashSet<>();
    private boolean storeDown;

    @Test
    void appendsTheStoreMissedAreReadAgainFromTheLogOnceItIsBack() {
        LocalLogFeatures features = new LocalLogFeatures(this::apply);
        features.attach(this::read);

        append(features, 0, 3);
        storeDown = true;
        append(features, 3, 4);
        append(features, 7, 2);
        features.catchUp();
        assertThat(applied).as("nothing yet while the store is down").hasSize(3);

        storeDown = false;
        append(features, 9, 1);
        features.catchUp();

        assertThat(applied).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(i -> "e" + i).toList());
        features.catchUp();
        assertThat(applied).hasSize(10);
    }

    private void append(LocalLogFeatures features, int from, int count) {
        List<Event> batch = IntStream.range(from, from + count).mapToObj(LocalLogFeaturesTest::event).toList();
        log.addAll(batch);
        features.onAppend(from, batch);
    }

    private void apply(UpdateOnlineFeaturesCommand command) {
        if (storeDown) {
            throw new IllegalStateException("online store down");
        }
        command.events().forEach(event -> applied.add(event.id().value()));
    }

    private void read(long from, int size, LocalLogReader.Batches batches) {
        for (long first = from; first < log.size(); first += size) {
            batches.accept(first, log.subList((int) first, (int) Math.min(log.size(), first + size)));
        }
    }

    private static Event event(int i) {
        return anEvent("e" + i).type(EventType.CLICK).user("u").item("i" + i).at("2026-11-21T09:00:00Z").build();
    }
}
