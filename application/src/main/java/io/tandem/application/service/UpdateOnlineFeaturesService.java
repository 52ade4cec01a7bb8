package io.tandem.application.service;

import io.tandem.application.port.in.UpdateOnlineFeaturesCommand;
import io.tandem.application.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.port.out.ApplyFeatureUpdatesPort;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.feature.FeatureUpdate;

import java.util.List;
import java.util.Objects;

/** Turns logged events into feature updates through the shared {@link FeaturePolicy} and stores them. */
public final class UpdateOnlineFeaturesService implements UpdateOnlineFeaturesUseCase {

    private final FeaturePolicy policy;
    private final ApplyFeatureUpdatesPort applyFeatureUpdates;

    public UpdateOnlineFeaturesService(FeaturePolicy policy, ApplyFeatureUpdatesPort applyFeatureUpdates) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.applyFeatureUpdates = Objects.requireNonNull(applyFeatureUpdates, "applyFeatureUpdates");
    }

    @Override
    public void update(UpdateOnlineFeaturesCommand command) {
        if (command.events().isEmpty()) {
            return;
        }
        List<FeatureUpdate> updates = command.events().stream().map(policy::updateFor).toList();
        applyFeatureUpdates.apply(updates);
    }
}
