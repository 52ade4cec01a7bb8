package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.application.port.in.RecommendItemsQuery;
import io.tandem.application.port.in.RecommendItemsUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.recommendation.Recommendation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code GET /v1/users/{id}/recommendations}: the top items for a user. */
@Controller("/v1/users")
final class RecommendationsController {

    static final int DEFAULT_COUNT = 10;

    private final RecommendItemsUseCase recommendItems;

    RecommendationsController(RecommendItemsUseCase recommendItems) {
        this.recommendItems = recommendItems;
    }

    @Get(uri = "/{id}/recommendations", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    RecommendationResponse recommend(@PathVariable("id") String id,
                                     @Nullable @QueryValue("count") String count,
                                     @Nullable @QueryValue("category") String category,
                                     @Nullable @QueryValue("exclude") String exclude) {
        RecommendItemsQuery query = new RecommendItemsQuery(new UserId(id), parseCount(count),
                Optional.ofNullable(category), parseExclude(exclude));
        return RecommendationResponse.from(recommendItems.recommend(query));
    }

    private static int parseCount(String count) {
        if (count == null || count.isBlank()) {
            return DEFAULT_COUNT;
        }
        try {
            return Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("count", "must be a whole number");
        }
    }

    private static Set<ItemId> parseExclude(String exclude) {
        if (exclude == null || exclude.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(exclude.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(ItemId::new)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RecommendationResponse(String requestId, String userId, List<RankedItemJson> items, ModelJson model,
                                  FallbackJson fallback) {

        static RecommendationResponse from(Recommendation recommendation) {
            return new RecommendationResponse(
                    recommendation.requestId(),
                    recommendation.user().value(),
                    recommendation.items().stream()
                            .map(i -> new RankedItemJson(i.item().value(), i.score(), i.rank(), i.sources()))
                            .toList(),
                    recommendation.model().map(m -> new ModelJson(m.name(), m.version())).orElse(null),
                    new FallbackJson(recommendation.fallback().used(),
                            recommendation.fallback().reason().orElse(null)));
        }
    }

    @Serdeable
    record RankedItemJson(String itemId, double score, int rank, List<String> sources) {
    }

    @Serdeable
    record ModelJson(String name, String version) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FallbackJson(boolean used, String reason) {
    }
}
