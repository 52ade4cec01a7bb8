package io.tandem.application.training;

import java.time.Instant;
import java.util.List;
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

    /**
     * What the bounds of ADR-0029 did to a run: the hold-out users measured (and of how many), the lake's
     * interactions when a sample of users was trained on, and the items a bounded retriever modelled.
     */
    static Map<String, String> limits(InteractionCap capped, HoldOutSample sample, List<Retriever> retrievers,
                                      int items) {
        Map<String, String> metadata = new TreeMap<>();
        metadata.put("hold-out.users", Integer.toString(sample.measured()));
        if (sample.sampled()) {
            metadata.put("hold-out.users-evaluable", Integer.toString(sample.evaluable()));
        }
        if (capped.sampled()) {
            metadata.put("training.sampled-users", "true");
        }
        for (Retriever retriever : retrievers) {
            if (items > retriever.maxItems()) {
                metadata.put(retriever.name() + ".items", retriever.maxItems() + " of " + items);
            }
        }
        return metadata;
    }
}
