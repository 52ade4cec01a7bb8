package io.tandem.application.serving.port.out;

import io.tandem.domain.ranking.ScoringModel;

/** Loads an exported ranker artifact into a scorer; refuses a corrupt or mismatched artifact clearly. */
@FunctionalInterface
public interface LoadScoringModelPort {

    /**
     * @param featureCount the number of features the caller will pass per row (from the stored schema)
     * @throws io.tandem.domain.InvalidFieldException when the artifact cannot be loaded or expects another width
     */
    ScoringModel load(byte[] artifact, int featureCount);
}
