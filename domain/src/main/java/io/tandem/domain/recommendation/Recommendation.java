package io.tandem.domain.recommendation;

import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.ranking.RankedItem;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer for one user: ranked items, the model version behind them (if any), the fallback status, and the
 * experiment group the request was served under (none outside every experiment).
 */
public record Recommendation(String requestId, UserId user, List<RankedItem> items, Optional<ModelRef> model,
                             FallbackStatus fallback, Optional<Assignment> assignment) {

    public Recommendation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(user, "user");
        items = List.copyOf(items);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(assignment, "assignment");
    }

    /** An answer served outside every experiment. */
    public Recommendation(String requestId, UserId user, List<RankedItem> items, Optional<ModelRef> model,
                          FallbackStatus fallback) {
        this(requestId, user, items, model, fallback, Optional.empty());
    }

    /** This answer, served under {@code assignment}. */
    public Recommendation servedUnder(Optional<Assignment> assignment) {
        return new Recommendation(requestId, user, items, model, fallback, assignment);
    }
}
