package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.application.training.TrainingLimits;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.domain.InvalidFieldException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tandem.training.*}: what the {@code train} job trains. The hold-out is the last {@code holdout-days}
 * days when that is set, otherwise the latest {@code holdout-share} of the interactions. Turned into the core's
 * plain {@link TrainModelsCommand} by {@link #command()}. {@code popularity-half-lives} are the half-lives the
 * popularity retriever tries on each run's hold-out (ADR-0022): hours ({@code 12h}) or days ({@code 3d}), or
 * {@code none} for plain counts. {@code evaluation-users} (0: all) and {@code max-interactions} bound a run's time and
 * memory (ADR-0029).
 */
@ConfigurationProperties("tandem.training")
record TrainingConfiguration(@Bindable(defaultValue = TrainModelsCommand.DEFAULT_MODEL) String model,
                             @Bindable(defaultValue = "0.1") double holdoutShare,
                             @Nullable Integer holdoutDays,
                             @Bindable(defaultValue = "42") long seed,
                             @Bindable(defaultValue = DEFAULT_HALF_LIVES) List<String> popularityHalfLives,
                             @Bindable(defaultValue = "5000") int evaluationUsers,
                             @Bindable(defaultValue = "2000000") int maxInteractions) {

    static final String DEFAULT_HALF_LIVES = "1d,3d,7d,30d,none";
    private static final Pattern HALF_LIFE = Pattern.compile("([1-9][0-9]{0,4})([hd])");

    /** The half-lives in the order given (the first of equally good ones wins); empty for no decay. */
    List<Optional<Duration>> halfLives() {
        if (popularityHalfLives == null || popularityHalfLives.isEmpty()) {
            throw new InvalidFieldException("tandem.training.popularity-half-lives", "needs at least one value");
        }
        return popularityHalfLives.stream().map(TrainingConfiguration::halfLife).toList();
    }

    private static Optional<Duration> halfLife(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("none")) {
            return Optional.empty();
        }
        Matcher matcher = HALF_LIFE.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidFieldException("tandem.training.popularity-half-lives", "'" + text + "' is neither "
                    + "hours (12h), days (3d) nor none");
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(matcher.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount));
    }

    TrainModelsCommand command() {
        HoldOutWindow holdOut = holdoutDays != null ? HoldOutWindow.lastDays(holdoutDays)
                : HoldOutWindow.latestShare(holdoutShare);
        return TrainModelsCommand.wholeLake(model, holdOut, seed);
    }

    /** The bounds of ADR-0029; validated by the core's record. */
    TrainingLimits limits() {
        return new TrainingLimits(evaluationUsers, maxInteractions);
    }
}
