package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.application.port.in.HoldOutWindow;
import io.tandem.application.port.in.TrainModelsCommand;

/**
 * {@code tandem.training.*}: what the {@code train} job trains. The hold-out is the last {@code holdout-days}
 * days when that is set, otherwise the latest {@code holdout-share} of the interactions. Turned into the core's
 * plain {@link TrainModelsCommand} by {@link #command()}.
 */
@ConfigurationProperties("tandem.training")
record TrainingConfiguration(@Bindable(defaultValue = TrainModelsCommand.DEFAULT_MODEL) String model,
                             @Bindable(defaultValue = "0.1") double holdoutShare,
                             @Nullable Integer holdoutDays,
                             @Bindable(defaultValue = "42") long seed) {

    TrainModelsCommand command() {
        HoldOutWindow holdOut = holdoutDays != null ? HoldOutWindow.lastDays(holdoutDays)
                : HoldOutWindow.latestShare(holdoutShare);
        return TrainModelsCommand.wholeLake(model, holdOut, seed);
    }
}
