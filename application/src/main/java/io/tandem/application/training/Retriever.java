package io.tandem.application.training;

import io.tandem.application.training.port.out.TrainRetrieverPort;
import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/** A named retrieval algorithm: the name labels its report row, its candidates and its ranking features. */
public record Retriever(String name, TrainRetrieverPort trainer) {

    public Retriever {
        name = InvalidFieldException.requireText("retriever.name", name);
        if (!name.matches("[a-z0-9-]+")) {
            throw new InvalidFieldException("retriever.name", "use lower-case letters, digits and dashes: " + name);
        }
        Objects.requireNonNull(trainer, "trainer");
    }
}
