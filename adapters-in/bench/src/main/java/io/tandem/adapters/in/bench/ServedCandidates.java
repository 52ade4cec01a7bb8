package io.tandem.adapters.in.bench;

import io.tandem.application.registry.port.in.ListModelVersionsQuery;
import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The candidates the served model ranks for some users, read through the public use case: asked for every item
 * it can rank with {@code explain=true}, the model answers its ranked candidates first, each with the feature
 * values it scored (the fresh and rule-based items after them carry no explanation). So the benchmark knows how
 * many candidates a request ranks, which ids the catalog read covers, and the exact feature rows the ranker saw.
 * A user the model could not answer in three tries (a dependency timed out each time) is left out.
 */
record ServedCandidates(ModelVersion version, List<UserCandidates> users) {

    private static final int ATTEMPTS = 3;

    /** One user's ranked candidates and their feature rows, row-major in schema order (NaN where unknown). */
    record UserCandidates(UserId user, List<ItemId> items, float[] rows) {

        int count() {
            return items.size();
        }
    }

    static ServedCandidates probe(BenchPlatform platform, List<String> users) {
        // The champion was loaded after training: refreshing again changes nothing and answers what serves.
        ServingModelStatus status = platform.refreshServingModel().refresh();
        ModelRef ref = status.serving().orElseThrow(() -> new IllegalStateException(
                "no model is served: " + status.problem().orElse("no champion")));
        ModelVersion version = platform.listModelVersions()
                .list(new ListModelVersionsQuery(ref.name())).stream()
                .filter(v -> v.version().equals(ref.version())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the registry does not list the served " + ref));
        FeatureSchema schema = version.schema().orElseThrow(() -> new IllegalStateException(
                "the served " + ref + " has no feature schema"));
        RecommendItemsUseCase recommend = platform.recommendItems();
        List<UserCandidates> probed = new ArrayList<>(users.size());
        String lastFallback = "";
        for (String user : users) {
            Optional<Recommendation> modelled = Optional.empty();
            // A dependency that is slow once (a busy machine) makes the fallback answer: ask again.
            for (int attempt = 0; attempt < ATTEMPTS && modelled.isEmpty(); attempt++) {
                Recommendation answer = recommend.recommend(new RecommendItemsQuery(new UserId(user),
                        RecommendItemsQuery.MAX_COUNT, Optional.empty(), Set.of(), true, 0.0));
                if (answer.fallback().used()) {
                    lastFallback = answer.fallback().reason().orElse("no reason");
                } else {
                    modelled = Optional.of(answer);
                }
            }
            if (modelled.isEmpty()) {
                continue;
            }
            Recommendation answer = modelled.get();
            List<ItemId> items = new ArrayList<>();
            List<Map<String, Double>> explanations = new ArrayList<>();
            for (RankedItem item : answer.items()) {
                if (item.explanation().isEmpty()) {
                    break;
                }
                items.add(item.item());
                explanations.add(item.explanation());
            }
            probed.add(new UserCandidates(new UserId(user), items, rows(schema, explanations)));
        }
        if (probed.isEmpty()) {
            throw new IllegalStateException("the fallback answered every probed user: " + lastFallback);
        }
        return new ServedCandidates(version, probed);
    }

    int featureCount() {
        return version.schema().map(FeatureSchema::size).orElse(0);
    }

    double meanCount() {
        return users.stream().mapToInt(UserCandidates::count).average().orElse(Double.NaN);
    }

    int minCount() {
        return users.stream().mapToInt(UserCandidates::count).min().orElse(0);
    }

    /** The median count (the lower middle of an even number of users). */
    int p50Count() {
        int[] counts = users.stream().mapToInt(UserCandidates::count).sorted().toArray();
        return counts.length == 0 ? 0 : counts[(counts.length - 1) / 2];
    }

    int maxCount() {
        return users.stream().mapToInt(UserCandidates::count).max().orElse(0);
    }

    /** {@code rows} feature rows taken round-robin from the probed users' rows: a batch of any size. */
    float[] rowsOf(int rows) {
        int width = featureCount();
        float[] batch = new float[rows * width];
        int filled = 0;
        while (filled < rows) {
            int before = filled;
            for (UserCandidates user : users) {
                int take = Math.min(user.count(), rows - filled);
                System.arraycopy(user.rows(), 0, batch, filled * width, take * width);
                filled += take;
            }
            if (filled == before) {
                throw new IllegalStateException("no probed user has a candidate");
            }
        }
        return batch;
    }

    private static float[] rows(FeatureSchema schema, List<Map<String, Double>> explanations) {
        int width = schema.size();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int f = 0; f < width; f++) {
            indexOf.put(schema.features().get(f), f);
        }
        float[] rows = new float[explanations.size() * width];
        Arrays.fill(rows, Float.NaN);
        for (int r = 0; r < explanations.size(); r++) {
            // The explanation also holds the ranker's output, which is no feature.
            for (Map.Entry<String, Double> value : explanations.get(r).entrySet()) {
                Integer f = indexOf.get(value.getKey());
                if (f != null) {
                    rows[r * width + f] = value.getValue().floatValue();
                }
            }
        }
        return rows;
    }
}
