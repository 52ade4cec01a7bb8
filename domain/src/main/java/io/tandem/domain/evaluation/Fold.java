package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.InteractionLog;

import java.util.Objects;

/** One training/test pair over the same users and items: models learn from {@code train}, are judged on {@code test}. */
public record Fold(InteractionLog train, InteractionLog test) {

    public Fold {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.userCount() != test.userCount() || train.itemCount() != test.itemCount()) {
            throw new InvalidFieldException("fold", "train and test must index the same users and items");
        }
    }
}
