package io.tandem.application.serving;

import io.micronaut.context.ApplicationContext;
import io.tandem.adapters.in.synthetic.SyntheticConfig;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.in.synthetic.SyntheticDatasetGenerator;
import io.tandem.adapters.in.synthetic.SyntheticDemoLoader;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.application.ingestion.port.in.RecordEventsUseCase;
import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.ranking.ScoreOrder;
import io.tandem.domain.recommendation.Recommendation;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the in-process request path costs per recommendation, by stage: the real {@link RecommendItemsService} on the
 * embedded adapters, with a two-stage model trained on a generated data set of 100,000 items and 500 candidates
 * ranked per request. Reports the request thread's CPU time and heap allocation per request, for the whole use case
 * and for each stage of a step-by-step replay of its model path, plus a digest of every answer (items, scores,
 * sources), so a change that must keep answers bit for bit can be checked by comparing digests. A benchmark, not a
 * test: nothing is asserted. Run it under JFR to see where the time goes. The state folder keeps the trained model,
 * so later runs skip loading and training.
 *
 * <pre>java ... RequestPathCost STATE_DIR [requests=2000] [rounds=3]</pre>
 */
public final class RequestPathCost {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String[] STAGES = {"user state + unwanted", "history + candidates",
        "filter + catalog", "feature rows", "ranker", "order + answer"};

    private RequestPathCost() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean fresh = !Files.exists(state);
        Files.createDirectories(state);
        SyntheticDataset dataset = SyntheticDatasetGenerator.generate(new SyntheticConfig(7L, 5_000, 100_000, 12,
                8, 10, Instant.parse("2026-11-01T00:00:00Z"), Duration.ofDays(28)));
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "tandem.serving.budget", "3s",
                "tandem.serving.online-store-timeout", "1s",
                "tandem.serving.catalog-timeout", "1s",
                "tandem.serving.scorer-timeout", "1s",
                "tandem.serving.candidates", 500,
                "tandem.lake.path", state.resolve("lake").toString(),
                "tandem.local-log.path", state.resolve("events").toString(),
                "datasources.default.url", "jdbc:h2:file:" + state.resolve("db/tandem")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"))) {
            ServingModels models = context.getBean(ServingModels.class);
            if (fresh) {
                long started = System.nanoTime();
                long events = new SyntheticDemoLoader(context.getBean(UpsertItemsUseCase.class),
                        context.getBean(UpsertUsersUseCase.class), context.getBean(RecordEventsUseCase.class))
                        .load(dataset, done -> { });
                System.out.printf("loaded %,d events in %.0f s%n", events, (System.nanoTime() - started) / 1e9);
                context.getBean(TrainModelsUseCase.class).train(TrainModelsCommand.wholeLake(
                        TrainModelsCommand.DEFAULT_MODEL, HoldOutWindow.latestShare(0.2), 42L));
                System.out.printf("trained after %.0f s%n", (System.nanoTime() - started) / 1e9);
            }
            System.out.println(models.refresh());
            // Let the embedded consumers rebuild the online store from the local log before measuring.
            Thread.sleep(fresh ? 1_000 : 15_000);
            ServingDependencies dependencies = context.getBean(ServingDependencies.class);
            RecommendItemsService service = new RecommendItemsService(dependencies);
            List<UserId> users = dataset.users().stream().map(user -> user.id()).toList();
            new Replay(dependencies).run(users, Math.min(requests, 1000), new long[STAGES.length * 2]);
            for (int round = 1; round <= rounds; round++) {
                measureUseCase(service, users, requests, round);
                long[] spent = new long[STAGES.length * 2];
                Replay replay = new Replay(dependencies);
                replay.run(users, requests, spent);
                StringBuilder line = new StringBuilder("  stages:");
                for (int s = 0; s < STAGES.length; s++) {
                    line.append(String.format(" %s %.1f µs %.1f KB;", STAGES[s], spent[2 * s] / 1e3 / requests,
                            spent[2 * s + 1] / 1024.0 / requests));
                }
                System.out.println(line + String.format(" candidates ranked %.1f, history %.1f items",
                        replay.ranked / (double) requests, replay.histories / (double) requests));
            }
        }
    }

    private static void measureUseCase(RecommendItemsService service, List<UserId> users, int requests, int round)
            throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long id = Thread.currentThread().getId();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long bytes = THREADS.getThreadAllocatedBytes(id);
        int fallbacks = 0;
        List<Recommendation> answers = new ArrayList<>(requests);
        for (int r = 0; r < requests; r++) {
            answers.add(service.recommend(new RecommendItemsQuery(users.get(r * 7 % users.size()), 10,
                    Optional.empty(), Set.of())));
        }
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        bytes = THREADS.getThreadAllocatedBytes(id) - bytes;
        for (Recommendation answer : answers) {
            fallbacks += answer.fallback().used() ? 1 : 0;
            for (RankedItem item : answer.items()) {
                digest.update((item.item().value() + ' ' + Double.doubleToRawLongBits(item.score()) + ' '
                        + item.rank() + ' ' + item.sources() + '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        System.out.printf("round %d: use case %.1f µs CPU, %.1f KB heap per request; %d fallbacks; answers %s%n",
                round, cpu / 1e3 / requests, bytes / 1024.0 / requests, fallbacks,
                HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    /** The model path of {@link RecommendItemsService} step by step, each step timed on the request thread. */
    private static final class Replay {

        private final ServingDependencies dependencies;
        private final RequestPipeline pipeline;
        private long ranked;
        private long histories;

        Replay(ServingDependencies dependencies) {
            this.dependencies = dependencies;
            this.pipeline = new RequestPipeline(dependencies);
        }

        void run(List<UserId> users, int requests, long[] spent) {
            long id = Thread.currentThread().getId();
            for (int r = 0; r < requests; r++) {
                UserId user = users.get(r * 7 % users.size());
                long[] mark = {THREADS.getCurrentThreadCpuTime(), THREADS.getThreadAllocatedBytes(id)};
                UserState state = pipeline.userState(user);
                Set<ItemId> unwanted = RequestPipeline.unwanted(state, Set.of());
                lap(spent, 0, mark, id);
                ServingModel model = dependencies.models().acquire().orElseThrow();
                try {
                    UserHistory history = model.history(state.positives());
                    histories += history.size();
                    UserCandidates found = model.candidates(history, OptionalInt.empty(),
                            dependencies.settings().candidates());
                    lap(spent, 1, mark, id);
                    int[] unwantedIndexes = model.indexesOf(unwanted);
                    int[] kept = new int[found.items().length];
                    int size = 0;
                    Optional<io.tandem.application.catalog.IndexedItems> indexed = pipeline.indexedCatalog(model);
                    if (indexed.isPresent()) {
                        for (int item : found.items()) {
                            if (Arrays.binarySearch(unwantedIndexes, item) < 0
                                    && indexed.get().available(item)) {
                                kept[size++] = item;
                            }
                        }
                    } else {
                        int[] pool = new int[found.items().length];
                        List<ItemId> ids = new ArrayList<>(found.items().length);
                        int pooled = 0;
                        for (int item : found.items()) {
                            if (Arrays.binarySearch(unwantedIndexes, item) < 0) {
                                pool[pooled++] = item;
                                ids.add(model.itemId(item));
                            }
                        }
                        Map<ItemId, Item> catalog = pipeline.catalogItems(ids);
                        for (int p = 0; p < pooled; p++) {
                            if (RequestPipeline.servable(catalog.get(ids.get(p)), Optional.empty())) {
                                kept[size++] = pool[p];
                            }
                        }
                    }
                    int[] items = Arrays.copyOf(kept, size);
                    ranked += items.length;
                    lap(spent, 2, mark, id);
                    float[] rows = model.featureRows(found, items);
                    lap(spent, 3, mark, id);
                    float[] scores = pipeline.score(model, rows, items.length);
                    lap(spent, 4, mark, id);
                    int[] order = ScoreOrder.highestFirst(scores, 40);
                    List<RankedItem> answer = new ArrayList<>(10);
                    Map<ItemId, Boolean> chosen = new HashMap<>();
                    for (int k = 0; k < Math.min(10, order.length); k++) {
                        int item = items[order[k]];
                        chosen.put(model.itemId(item), true);
                        answer.add(new RankedItem(model.itemId(item), scores[order[k]], k + 1,
                                RequestPipeline.sources(model, found, item), Map.of()));
                    }
                    pipeline.answer("r", user, answer, Optional.of(model.ref()),
                            io.tandem.domain.fallback.FallbackStatus.notUsed());
                    model.recycle(found);
                    lap(spent, 5, mark, id);
                } finally {
                    model.release();
                }
            }
        }

        private static void lap(long[] spent, int stage, long[] mark, long thread) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long bytes = THREADS.getThreadAllocatedBytes(thread);
            spent[2 * stage] += cpu - mark[0];
            spent[2 * stage + 1] += bytes - mark[1];
            mark[0] = cpu;
            mark[1] = bytes;
        }
    }
}
