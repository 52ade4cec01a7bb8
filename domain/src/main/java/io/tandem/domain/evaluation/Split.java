package io.tandem.domain.evaluation;

import io.tandem.domain.retrieval.InteractionLog;

/** A way to cut an interaction log into a training part and a later or held-out test part. */
@FunctionalInterface
public interface Split {

    Fold split(InteractionLog log);
}
