package io.tandem.application.experiment.port.in;

import io.tandem.domain.experiment.attribution.OnlineMetrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a rebuild from the lake did: the served-list and event dates it read, how many served lists of the experiment
 * it found, how many follow-up events it attributed, and the cells it saved (whole experiment and per day).
 */
public record RecomputedMetrics(String experiment, LocalDate from, LocalDate servedTo, LocalDate eventsTo,
                                long servedLists, long attributedEvents, List<OnlineMetrics> cells) {

    public RecomputedMetrics {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(servedTo, "servedTo");
        Objects.requireNonNull(eventsTo, "eventsTo");
        cells = List.copyOf(cells);
    }
}
