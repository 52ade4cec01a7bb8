package io.tandem.domain.recommendation;

import io.tandem.domain.catalog.UserId;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.ranking.RankedItem;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The answer for one user: ranked items, the model version behind them (if any) and the fallback status. */
public record Recommendation(String requestId, UserId user, List<RankedItem> items, Optional<ModelRef> model,
                             FallbackStatus fallback) {

    public Recommendation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(user, "user");
        items = List.copyOf(items);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(fallback, "fallback");
    }
}
