package io.tandem.domain.retrieval.training;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Parallel loops over independent rows; each index writes only its own output, so results never depend on threads. */
final class Rows {

    private Rows() {
    }

    /** Runs {@code body} for every index in {@code [0, count)}, spread over the common pool. */
    static void forEach(int count, IntConsumer body) {
        IntStream.range(0, count).parallel().forEach(body);
    }
}
