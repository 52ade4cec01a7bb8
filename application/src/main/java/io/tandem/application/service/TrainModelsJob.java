package io.tandem.application.service;

import io.tandem.application.port.in.TrainModelsCommand;
import io.tandem.application.port.in.TrainModelsUseCase;
import io.tandem.application.port.out.ReportJobProgressPort;
import io.tandem.application.port.out.RunJobPort;

import java.util.Objects;

/** The body of the {@code train} job: one training run with the configured command, its progress the job's. */
public final class TrainModelsJob implements RunJobPort {

    private final TrainModelsUseCase train;
    private final TrainModelsCommand command;

    /** @param command what every run trains; its own progress listener is replaced by the job's */
    public TrainModelsJob(TrainModelsUseCase train, TrainModelsCommand command) {
        this.train = Objects.requireNonNull(train, "train");
        this.command = Objects.requireNonNull(command, "command");
    }

    @Override
    public String run(ReportJobProgressPort progress) {
        return train.train(command.withProgress(progress)).summary();
    }
}
