package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

/** Names the model version that produced an answer. */
public record ModelRef(String name, String version) {

    public ModelRef {
        name = InvalidFieldException.requireText("model.name", name);
        version = InvalidFieldException.requireText("model.version", version);
    }
}
