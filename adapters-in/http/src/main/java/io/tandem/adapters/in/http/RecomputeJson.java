package io.tandem.adapters.in.http;

import io.micronaut.serde.annotation.Serdeable;
import io.tandem.application.experiment.port.in.RecomputedMetrics;

/**
 * What {@code POST /v1/experiments/{name}/recompute} answers: the lake's days it read, the experiment's served lists
 * it found, the follow-ups it attributed and how many cells the rebuilt read-out holds.
 */
@Serdeable
record RecomputeJson(String experiment, String from, String servedTo, String eventsTo, long servedLists,
                     long attributedEvents, int cells) {

    static RecomputeJson from(RecomputedMetrics recomputed) {
        return new RecomputeJson(recomputed.experiment(), recomputed.from().toString(),
                recomputed.servedTo().toString(), recomputed.eventsTo().toString(), recomputed.servedLists(),
                recomputed.attributedEvents(), recomputed.cells().size());
    }
}
