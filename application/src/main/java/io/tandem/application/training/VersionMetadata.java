package io.tandem.application.training;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static io.tandem.application.training.TrainModelsService.METRICS_AT;

/** The flat metadata a trained version carries (ADR-0022): how, on what and with which settings it was trained. */
final class VersionMetadata {

    private VersionMetadata() {
    }

    /** What GET /v1/models shows of how a version was trained (ADR-0022). */
    static Map<String, String> of(boolean refit, TimeCut cut, int interactions, RecencySelection.RecencyChoice recency,
                                                long seed) {
        Map<String, String> metadata = new TreeMap<>();
        metadata.put("refit", Boolean.toString(refit));
        metadata.put("training.interactions", Integer.toString(interactions));
        metadata.put("training.window-end", Instant.ofEpochSecond(refit ? cut.end() : cut.cut()).toString());
        metadata.put("hold-out.split", cut.byOrder() ? "event-order" : "time");
        metadata.put("hold-out.cut", cut.describe());
        metadata.put("seed", Long.toString(seed));
        recency.halfLife().ifPresent(h -> {
            metadata.put("popularity.half-life", h);
            metadata.put("popularity.half-life.ndcg@" + METRICS_AT, recency.measured());
        });
        return metadata;
    }
}
