package io.tandem.application.service;

import io.tandem.application.port.out.ExportRankerPort;
import io.tandem.application.port.out.LoadModelArtifactPort;
import io.tandem.application.port.out.LoadScoringModelPort;
import io.tandem.application.port.out.StoreModelArtifactPort;

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
