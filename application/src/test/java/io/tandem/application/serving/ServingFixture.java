package io.tandem.application.serving;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.application.evaluation.EvaluationFixture;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.registry.RegistryFake;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.application.serving.port.out.RecommendFallbackPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.model.ArtifactKey;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.TrainingWindow;
import io.tandem.domain.ranking.ItemStats;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.ranking.RankingFeatures;
import io.tandem.domain.ranking.ScoringModel;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserHistory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;

/**
 * A champion over eight catalog items, stored and loaded as training and serving do, behind lambda fakes of every
 * port on the request path; a test breaks one port at a time by setting its failure.
 *
 * <p>Items {@code i0}-{@code i3} are comedies, {@code i4} and {@code i5} dramas, {@code i6} both, {@code i7}
 * neither. Two retrievers propose every unseen item: {@code popular} scores {@code i0} highest and {@code i7}
 * lowest whoever asks; {@code neighbours} scores an item by how many history items sit next to it ({@code i3} and
 * {@code i5} for a history of {@code i4}), so it reads the history. The ranker reverses popularity unless a test
 * sets {@link #rankerScores}: its order is visibly its own, not the retrievers'.
 */
final class ServingFixture {

    static final String MODEL = "two-stage";
    static final int ITEMS = 8;
    static final List<String> RETRIEVERS = List.of("popular", "neighbours");
    static final Instant NOW = Instant.parse("2026-11-08T00:00:00Z");

    private static final List<String> CATEGORY_NAMES = List.of("comedy", "drama");
    private static final int[][] CATEGORIES = {{0}, {0}, {0}, {0}, {1}, {1}, {0, 1}, {}};
    private static final FeatureSchema SCHEMA = RankingFeatures.schemaFor(RETRIEVERS);
    private static final byte[] RANKER = "ranker".getBytes(StandardCharsets.UTF_8);

    /** The ranker's score of each model item. */
    final float[] rankerScores = {0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f};
    /** The catalog: the model's eight items, available, plus whatever a test adds. */
    final Map<ItemId, Item> catalog = new LinkedHashMap<>();
    final Map<UserId, UserState> users = new LinkedHashMap<>();
    /** What the rules were asked, in order. */
    final List<FallbackQuery> ruleQueries = new CopyOnWriteArrayList<>();
    final AtomicInteger rankerCalls = new AtomicInteger();
    final AtomicInteger catalogReads = new AtomicInteger();

    /** When set, each port throws it, as its guard does on a failure, a timeout or an open circuit. */
    RuntimeException onlineStoreFailure;
    RuntimeException catalogFailure;
    RuntimeException scorerFailure;
    RuntimeException rulesFailure;
    ServingSettings settings = ServingSettings.defaults();
    /** The experiments the request path consults: none unless a test sets them. */
    ServingExperiments experiments = ServingExperiments.NONE;

    private final RegistryFake registry = new RegistryFake();
    private final Map<URI, byte[]> artifacts = new LinkedHashMap<>();
    private final ServingModels models = new ServingModels(MODEL, registry, artifacts(), scorer(),
            (bytes, facets) -> bytes[0] == 0 ? popular() : neighbours());
    private final AtomicInteger requests = new AtomicInteger();

    ServingFixture() {
        for (int item = 0; item < ITEMS; item++) {
            addToCatalog(Item.of(id(item), categoriesOf(item), NOW.minusSeconds(86_400L * (ITEMS - item))));
        }
    }

    static ItemId id(int item) {
        return ItemId.of("i" + item);
    }

    static List<String> ids(List<RankedItem> items) {
        return items.stream().map(item -> item.item().value()).toList();
    }

    void addToCatalog(Item item) {
        catalog.put(item.id(), item);
    }

    /** A user whose positives are {@code liked} (newest first) and who has also seen {@code seen}. */
    UserId user(String name, List<Integer> liked, Set<ItemId> seen) {
        UserId user = new UserId(name);
        List<PositiveInteraction> positives = new ArrayList<>();
        for (int item : liked) {
            positives.add(new PositiveInteraction(id(item), 1f, NOW.minusSeconds(60L * positives.size())));
        }
        users.put(user, new UserState(seen, positives));
        return user;
    }

    /** Trains (stores and registers) the model and makes it the champion serving loads. */
    ServingFixture withChampion() {
        withCandidate("v1");
        registry.promote(MODEL, "v1");
        models.refresh();
        return this;
    }

    /** Trains (stores and registers) the same model as {@code version}, a candidate an experiment may pin. */
    ServingFixture withCandidate(String name) {
        URI ranker = URI.create("file:///srv/tandem/" + new ArtifactKey(MODEL, name, "ranker.onnx").path());
        artifacts.put(ranker, RANKER);
        long[] unknown = new long[ITEMS];
        Arrays.fill(unknown, ItemFacets.UNKNOWN_TIME);
        ServingBundle bundle = new ServingBundle(IntStream.range(0, ITEMS).mapToObj(ServingFixture::id).toList(),
                new ItemFacets(CATEGORY_NAMES, CATEGORIES, unknown),
                new ItemStats(new int[ITEMS], new double[ITEMS], new long[ITEMS], new double[ITEMS]), ITEMS,
                RETRIEVERS, List.of(new byte[] {0}, new byte[] {1}), ServingBundle.sha256(RANKER));
        artifacts.put(ranker.resolve(ServingBundle.FILE), bundle.encode());
        ModelVersion version = aVersion(MODEL, name).holdOut("temporal:test").ndcg(0.5).schema(SCHEMA)
                .artifact(ranker).window(new TrainingWindow(NOW.minusSeconds(86_400), NOW)).createdAt(NOW).build();
        registry.saveIfAbsent(version);
        return this;
    }

    /** The request path's dependencies, every port a lambda over this fixture's state. */
    ServingDependencies dependencies() {
        LoadUserStatePort userState = (user, limit) -> {
            fail(onlineStoreFailure);
            UserState state = users.getOrDefault(user, UserState.empty());
            return new UserState(state.seen(), state.positives().stream().limit(limit).toList());
        };
        LoadItemsPort items = ids -> {
            catalogReads.incrementAndGet();
            fail(catalogFailure);
            Map<ItemId, Item> found = new LinkedHashMap<>();
            ids.forEach(id -> Optional.ofNullable(catalog.get(id)).ifPresent(item -> found.put(id, item)));
            return found;
        };
        LoadNewestItemsPort newest = (category, limit) -> {
            fail(catalogFailure);
            return catalog.values().stream().filter(Item::available)
                    .filter(item -> category.map(item::inCategory).orElse(true))
                    .sorted(Comparator.comparing(Item::createdAt).reversed()).limit(limit).toList();
        };
        return new ServingDependencies(models, userState, items, newest, rules(), settings,
                () -> "request-" + requests.incrementAndGet(), experiments);
    }

    /**
     * The rules: {@code rule-0}, {@code rule-1}, ... (not in the model, not in the catalog), as many as asked,
     * none of those unwanted, each with the source {@code popular-in-category} when the query names user
     * categories and {@code popular} otherwise.
     */
    private RecommendFallbackPort rules() {
        return query -> {
            fail(rulesFailure);
            ruleQueries.add(query);
            String tier = query.userCategories().isEmpty() ? "popular" : "popular-in-category";
            List<RankedItem> items = new ArrayList<>();
            for (int r = 0; items.size() < query.count() && r < 20; r++) {
                ItemId id = ItemId.of("rule-" + r);
                if (!query.unwanted().contains(id)) {
                    items.add(new RankedItem(id, 1.0 / (r + 1), items.size() + 1, List.of(tier)));
                }
            }
            return items;
        };
    }

    private LoadModelArtifactPort artifacts() {
        return uri -> {
            byte[] bytes = artifacts.get(uri);
            if (bytes == null) {
                throw new IllegalStateException("no artifact " + uri);
            }
            return bytes.clone();
        };
    }

    /** A ranker that reads the item back from its popularity feature and answers {@link #rankerScores}. */
    private LoadScoringModelPort scorer() {
        return (artifact, featureCount) -> new ScoringModel() {
            @Override
            public int featureCount() {
                return featureCount;
            }

            @Override
            public float[] score(float[] features, int rows) {
                rankerCalls.incrementAndGet();
                fail(scorerFailure);
                float[] scores = new float[rows];
                for (int row = 0; row < rows; row++) {
                    float popularity = features[row * featureCount];
                    scores[row] = Float.isNaN(popularity) ? 0f : rankerScores[ITEMS - (int) popularity];
                }
                return scores;
            }

            @Override
            public void close() {
            }
        };
    }

    private static RetrievalModel popular() {
        return EvaluationFixture.model(ITEMS, (history, item) -> ITEMS - item);
    }

    private static RetrievalModel neighbours() {
        return EvaluationFixture.model(ITEMS, (UserHistory history, int item) -> {
            int next = 0;
            for (int had : history.items()) {
                next += Math.abs(had - item) == 1 ? 1 : 0;
            }
            return next;
        });
    }

    private static Set<String> categoriesOf(int item) {
        Set<String> names = new TreeSet<>();
        for (int category : CATEGORIES[item]) {
            names.add(CATEGORY_NAMES.get(category));
        }
        return names;
    }

    private static void fail(RuntimeException failure) {
        if (failure != null) {
            throw failure;
        }
    }
}
