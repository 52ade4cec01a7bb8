package io.tandem.application.serving;

import io.tandem.application.ingestion.LakeInteractions;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The offline pipeline's view of a user, for checking that serving matches it: the user's history rebuilt from
 * the lake (every positive event, as training reads it) and scored by the served champion's retrievers, features
 * and ranker. Serving builds the same history from the online store; for the same moment both must give the same
 * scores (the training/serving consistency check).
 */
public final class OfflineScoringService {

    private final ServingModels models;
    private final LakeInteractions lake;

    public OfflineScoringService(ServingModels models, LakeInteractions lake) {
        this.models = Objects.requireNonNull(models, "models");
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /**
     * The ranker's scores of {@code items} for {@code user}, from the whole lake; items the model does not know
     * are left out.
     *
     * @throws InvalidFieldException naming {@code model} when no model is served
     */
    public Map<ItemId, Float> scores(UserId user, List<ItemId> items) {
        ServingModel model = models.acquire().orElseThrow(() -> new InvalidFieldException("model",
                "no model is served"));
        try {
            LakeInteractions.ImplicitFeedback feedback = lake.read(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                    events -> { });
            InteractionMatrix matrix = InteractionMatrix.of(feedback.log());
            UserHistory history = UserHistory.empty();
            Integer row = feedback.userIndexes().get(user);
            if (row != null) {
                history = inModelIndexes(model, UserHistory.of(matrix, row), feedback.itemIds());
            }
            UserCandidates found = model.candidates(history);
            int[] indexes = items.stream().map(model::indexOf).filter(Optional::isPresent)
                    .mapToInt(Optional::get).toArray();
            float[] scores = model.score(model.featureRows(found, indexes), indexes.length);
            Map<ItemId, Float> byItem = new LinkedHashMap<>();
            for (int k = 0; k < indexes.length; k++) {
                byItem.put(model.itemId(indexes[k]), scores[k]);
            }
            return byItem;
        } finally {
            model.release();
        }
    }

    /** A lake-indexed history in the model's item indexes; items the model does not know are left out. */
    private static UserHistory inModelIndexes(ServingModel model, UserHistory lakeHistory, List<ItemId> lakeItems) {
        int n = lakeHistory.size();
        long[] keyed = new long[n];
        int size = 0;
        for (int k = 0; k < n; k++) {
            Integer index = model.indexOf(lakeItems.get(lakeHistory.items()[k])).orElse(null);
            if (index != null) {
                keyed[size++] = ((long) index << 32) | k;
            }
        }
        Arrays.sort(keyed, 0, size);
        int[] items = new int[size];
        float[] values = new float[size];
        long[] times = new long[size];
        for (int p = 0; p < size; p++) {
            int k = (int) keyed[p];
            items[p] = (int) (keyed[p] >>> 32);
            values[p] = lakeHistory.values()[k];
            times[p] = lakeHistory.times()[k];
        }
        return new UserHistory(items, values, times);
    }
}
