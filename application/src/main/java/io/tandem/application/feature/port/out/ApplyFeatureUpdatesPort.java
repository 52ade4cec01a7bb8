package io.tandem.application.feature.port.out;

import io.tandem.domain.feature.FeatureUpdate;

import java.util.List;

/** Writes feature updates to the online store, in order, as one batch. */
@FunctionalInterface
public interface ApplyFeatureUpdatesPort {

    void apply(List<FeatureUpdate> updates);
}
