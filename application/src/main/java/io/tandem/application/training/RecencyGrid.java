package io.tandem.application.training;

import io.tandem.application.training.port.out.TrainDecayingRetrieverPort;
import io.tandem.domain.InvalidFieldException;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The half-lives a training run tries for its decaying retriever (named {@code retriever} among the run's
 * retrievers), each measured alone on the hold-out; the best by NDCG@10 trains the version (ADR-0022). An empty
 * half-life means no decay. The order breaks ties: the first of equally good half-lives wins.
 */
public record RecencyGrid(String retriever, List<Optional<Duration>> halfLives, TrainDecayingRetrieverPort trainer) {

    /** Held-out users the choice is measured on at most (seeded sample): the choice stays cheap on large lakes. */
    public static final int MAX_USERS = 5_000;

    public RecencyGrid {
        retriever = InvalidFieldException.requireText("recency.retriever", retriever);
        Objects.requireNonNull(halfLives, "halfLives");
        if (halfLives.isEmpty()) {
            throw new InvalidFieldException("recency.half-lives", "needs at least one half-life");
        }
        for (Optional<Duration> halfLife : halfLives) {
            if (Objects.requireNonNull(halfLife, "halfLife").filter(h -> h.isZero() || h.isNegative()).isPresent()) {
                throw new InvalidFieldException("recency.half-lives", "must be positive durations (or none)");
            }
        }
        if (halfLives.stream().distinct().count() != halfLives.size()) {
            throw new InvalidFieldException("recency.half-lives", "must not repeat a value");
        }
        halfLives = List.copyOf(halfLives);
        Objects.requireNonNull(trainer, "trainer");
    }

    /** How metadata and reports write a half-life: ISO-8601 ({@code P3D}, {@code PT12H}) or {@code none}. */
    public static String describe(Optional<Duration> halfLife) {
        return halfLife.map(Duration::toString).orElse("none");
    }
}
