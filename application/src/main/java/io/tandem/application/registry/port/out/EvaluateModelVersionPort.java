package io.tandem.application.registry.port.out;

import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelVersion;

/**
 * Measures a registered model version offline on a named hold-out, so an older champion can be compared
 * with a challenger on the challenger's data.
 */
@FunctionalInterface
public interface EvaluateModelVersionPort {

    /** @param holdOut a hold-out name as recorded in {@link ModelMetrics#holdOut()} */
    ModelMetrics evaluate(ModelVersion version, String holdOut);
}
