package io.tandem.application.training;

import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.StoreModelArtifactPort;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.application.training.port.out.ExportRankerPort;

import java.util.Objects;

/**
 * The ports a ranker artifact passes through on its way from training to scoring: exported (ONNX), stored in
 * the artifact store, loaded back by its URI, and opened as a batch scorer.
 */
public record RankerArtifactPorts(ExportRankerPort export, StoreModelArtifactPort store, LoadModelArtifactPort load,
                                  LoadScoringModelPort open) {

    public RankerArtifactPorts {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(open, "open");
    }
}
