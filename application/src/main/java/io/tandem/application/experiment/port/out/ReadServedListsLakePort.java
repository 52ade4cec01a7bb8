package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.attribution.ServedList;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Reads served lists back from the data lake, in date order and batch name order within a date (ADR-0026). */
@FunctionalInterface
public interface ReadServedListsLakePort {

    /** Hands every served list of the dates {@code from}..{@code to} (inclusive) to {@code consumer}. */
    void readServedLists(LocalDate from, LocalDate to, Consumer<ServedList> consumer);
}
