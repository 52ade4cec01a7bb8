package io.tandem.application.training;

import io.tandem.application.training.port.out.TrainRetrieverPort;
import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/**
 * A named retrieval algorithm: the name labels its report row, its candidates and its ranking features.
 *
 * @param maxItems the most items the algorithm models; above it, it models the most popular ones only (EASE, whose
 *                 memory grows with the square of the items) and a training run says so. {@link Integer#MAX_VALUE}
 *                 for no bound
 */
public record Retriever(String name, TrainRetrieverPort trainer, int maxItems) {

    /** A retriever that models every item. */
    public Retriever(String name, TrainRetrieverPort trainer) {
        this(name, trainer, Integer.MAX_VALUE);
    }

    public Retriever {
        name = InvalidFieldException.requireText("retriever.name", name);
        if (!name.matches("[a-z0-9-]+")) {
            throw new InvalidFieldException("retriever.name", "use lower-case letters, digits and dashes: " + name);
        }
        Objects.requireNonNull(trainer, "trainer");
        if (maxItems < 1) {
            throw new InvalidFieldException("retriever.max-items", "must be 1 or more");
        }
    }
}
