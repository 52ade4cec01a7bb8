package io.tandem.application.training.port.in;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.jobs.JobProgress;
import io.tandem.domain.model.ModelNames;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Train a new version of {@code model} from the lake's events of the UTC dates {@code from}..{@code to}
 * (inclusive), holding out the later {@code holdOut} window for evaluation. {@code seed} seeds every random
 * choice of the ranker's training; {@code progress} hears how far the run got, in the shape job bodies report
 * in, so a job passes its own reporter straight through.
 */
public record TrainModelsCommand(String model, LocalDate from, LocalDate to, HoldOutWindow holdOut, long seed,
                                 JobProgress progress) {

    public static final String DEFAULT_MODEL = "two-stage";
    /** The first and last dates of "the whole lake"; four-digit years keep partition names in date order. */
    public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    public static final long DEFAULT_SEED = 42L;
    /** Hears nothing, for callers that show no progress. */
    public static final JobProgress SILENT = (fraction, step) -> { };

    public TrainModelsCommand {
        model = ModelNames.require("model", model);
        if (from == null) {
            throw new InvalidFieldException("from", "is required");
        }
        if (to == null || to.isBefore(from)) {
            throw new InvalidFieldException("to", "is required and must not be before from");
        }
        if (holdOut == null) {
            throw new InvalidFieldException("holdOut", "is required");
        }
        Objects.requireNonNull(progress, "progress");
    }

    /** Every event of the lake, silently. */
    public static TrainModelsCommand wholeLake(String model, HoldOutWindow holdOut, long seed) {
        return new TrainModelsCommand(model, EARLIEST, LATEST, holdOut, seed, SILENT);
    }

    /** This command reporting to {@code listener}. */
    public TrainModelsCommand withProgress(JobProgress listener) {
        return new TrainModelsCommand(model, from, to, holdOut, seed, listener);
    }
}
