package io.tandem.application.serving;

import io.tandem.application.catalog.IndexedItems;
import io.tandem.application.serving.port.in.RequestContext;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.fallback.FallbackQuery;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;
import io.tandem.domain.retrieval.UserCandidates;
import io.tandem.domain.retrieval.UserHistory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The steps the serving use cases share: each dependency read behind a guard that turns its failure into a
 * {@link DependencyFailure} naming it (online store, retrievers, catalog, scorer), the filters (what the user
 * already acted on, what the caller excludes, what the catalog cannot serve), the rule-based fallback and the
 * answer, which says why when it holds no items.
 *
 * <p>Inside an experiment (ADRs 0024, 0026) the {@link ExperimentStep} assigns the request's user to a group, whose
 * model (the champion, a pinned version, or the rules) and serving options answer, and records the served list.
 */
final class RequestPipeline {

    private static final int MAX_DETAIL = 200;
    /** The fallback reason of a group that serves the rules by design. */
    static final String RULES_VARIANT = "the experiment variant serves the rule-based fallback";

    private final ServingDependencies dependencies;
    private final ExperimentStep experiments;

    RequestPipeline(ServingDependencies dependencies) {
        this.dependencies = dependencies;
        this.experiments = new ExperimentStep(dependencies);
    }

    /** The caller's request id, or a new one. */
    String requestId(RequestContext context) {
        return context.requestId().orElseGet(dependencies.requestIds());
    }

    /** Where {@code user} lands in the experiment of {@code context}'s surface ({@link ExperimentStep#assign}). */
    Optional<Assignment> assign(UserId user, RequestContext context) {
        return experiments.assign(user, context);
    }

    /**
     * {@code answer}'s answer under {@code assignment}, as served and recorded: both sides merged for an interleaved
     * assignment ({@link ExperimentStep#serve}).
     */
    Optional<Recommendation> serve(Optional<Assignment> assignment, long startedNanos,
                                   Function<Optional<Assignment>, Optional<Recommendation>> answer) {
        return experiments.serve(assignment, startedNanos, answer);
    }

    ServingSettings settings() {
        return dependencies.settings();
    }

    /**
     * The model {@code assignment}'s group serves, held until {@link ServingModel#release()}: the champion, or the
     * pinned version; empty for a group that serves the rules, and while its model is not available.
     */
    Optional<ServingModel> acquireFor(Optional<Assignment> assignment) {
        VariantModel wanted = ExperimentStep.modelOf(assignment);
        if (wanted instanceof VariantModel.RuleBasedFallback) {
            return Optional.empty();
        }
        if (wanted instanceof VariantModel.Version pinned) {
            return dependencies.models().acquire(pinned.ref());
        }
        return dependencies.models().acquire();
    }

    /** Why {@link #acquireFor} found no model for {@code assignment}'s group. */
    static String whyNoModel(Optional<Assignment> assignment) {
        VariantModel wanted = ExperimentStep.modelOf(assignment);
        if (wanted instanceof VariantModel.RuleBasedFallback) {
            return RULES_VARIANT;
        }
        if (wanted instanceof VariantModel.Version pinned) {
            return "model version " + pinned.ref().version() + " of the experiment variant is not available";
        }
        return FallbackStatus.NO_MODEL;
    }

    /** The user's state from the online store, at most the configured history. */
    UserState userState(UserId user) {
        return guard(FallbackStatus.ONLINE_STORE,
                () -> dependencies.userState().userState(user, dependencies.settings().historyLimit()));
    }

    /**
     * Why a request of {@code context} skips the model path: it waited behind busy workers for longer than
     * {@link ServingSettings#maxQueueWaitNanos()}. The rules then answer at once, so an instance with more requests
     * than its cores can rank sheds the excess to the cheap path instead of letting every request queue behind it
     * (ADR-0039). Empty when the request may run the model (no limit, no wait behind busy workers, or within the
     * limit).
     */
    Optional<FallbackStatus> overloaded(RequestContext context) {
        long limit = dependencies.settings().maxQueueWaitNanos();
        if (limit == 0 || context.queuedSinceNanos().isEmpty()) {
            return Optional.empty();
        }
        long waited = System.nanoTime() - context.queuedSinceNanos().getAsLong();
        if (waited <= limit) {
            return Optional.empty();
        }
        // The limit, not the wait: one text per setting, so that answers and counts group by it.
        return Optional.of(FallbackStatus.unavailable(FallbackStatus.SERVING_CAPACITY, "the request waited more than "
                + limit / 1_000_000 + " ms for a worker"));
    }

    /**
     * The model path of a user with {@code state}: {@code ranked} answers from the champion and the candidates of
     * the user's history. Without a champion, when a dependency on the way fails, or when the request waited too
     * long for a worker ({@link #overloaded}), {@code fallback} answers with the status that says why, given the
     * champion when there is one. The champion is held until the answer is made.
     */
    <T> T onModel(RequestContext context, Optional<Assignment> assignment, UserState state,
                  BiFunction<ServingModel, UserCandidates, T> ranked,
                  BiFunction<Optional<ServingModel>, FallbackStatus, T> fallback) {
        Optional<FallbackStatus> shed = overloaded(context);
        if (shed.isPresent()) {
            return fallback.apply(Optional.empty(), shed.get());
        }
        Optional<ServingModel> held = acquireFor(assignment);
        if (held.isEmpty()) {
            return fallback.apply(held, FallbackStatus.usedBecause(whyNoModel(assignment)));
        }
        ServingModel model = held.get();
        OptionalInt perRetriever = ExperimentStep.options(assignment).candidatesPerRetriever();
        try {
            return withCandidates(model, model.history(state.positives()), perRetriever,
                    found -> ranked.apply(model, found));
        } catch (DependencyFailure failure) {
            return fallback.apply(held, failure.status());
        } finally {
            model.release();
        }
    }

    /**
     * Runs {@code use} on the candidates of a user with {@code history} ({@code perRetriever} from each retriever
     * when given, else as many as the configured candidates, else as the model was trained), and hands their score vectors back to the model afterwards,
     * whatever {@code use} does.
     */
    <T> T withCandidates(ServingModel model, UserHistory history, OptionalInt perRetriever,
                         Function<UserCandidates, T> use) {
        UserCandidates found = guard(FallbackStatus.RETRIEVERS,
                () -> model.candidates(history, perRetriever, dependencies.settings().candidates()));
        try {
            return use.apply(found);
        } finally {
            model.recycle(found);
        }
    }

    /** One batched catalog read; ids the catalog does not hold are absent. */
    Map<ItemId, Item> catalogItems(Collection<ItemId> ids) {
        return guard(FallbackStatus.CATALOG, () -> dependencies.items().loadItems(ids));
    }

    /**
     * The catalog's items by {@code model}'s indexes when the catalog is held in memory and loaded (the snapshot): a
     * candidate's item is then one array read, not one lookup of its id. Empty otherwise (the request reads the
     * candidates in one batch, {@link #catalogItems}).
     */
    Optional<IndexedItems> indexedCatalog(ServingModel model) {
        Optional<IndexedItems> view = guard(FallbackStatus.CATALOG,
                () -> dependencies.items().indexed(model.itemIds(), id -> model.indexOf(id).orElse(-1)));
        view.ifPresent(model::hold);
        return view;
    }

    /** The newest available catalog items, optionally of one category. */
    List<Item> newestItems(Optional<String> category, int limit) {
        return guard(FallbackStatus.CATALOG, () -> dependencies.newest().newestItems(category, limit));
    }

    /** One batched ranker call over {@code rows}. */
    float[] score(ServingModel model, float[] rows, int count) {
        return guard(FallbackStatus.SCORER, () -> model.score(rows, count));
    }

    /** The rules' items for {@code query}; the rules answer from local state, so a failure here is the caller's. */
    List<RankedItem> ruleItems(FallbackQuery query) {
        return dependencies.fallback().recommend(query);
    }

    /** The rules' answer when the model path failed with {@code status}; no items if even the rules fail. */
    Recommendation fallbackAnswer(String requestId, UserId user, FallbackQuery query, FallbackStatus status) {
        List<RankedItem> items;
        try {
            items = ruleItems(query);
        } catch (RuntimeException e) {
            items = List.of();
        }
        return answer(requestId, user, items, Optional.empty(), status);
    }

    /** The answer; one without items says why in its fallback reason ({@code catalog empty}, {@code no candidates}). */
    Recommendation answer(String requestId, UserId user, List<RankedItem> items, Optional<ModelRef> model,
                          FallbackStatus status) {
        return new Recommendation(requestId, user, items, model, items.isEmpty() ? status.emptyBecause(whyEmpty())
                : status);
    }

    private String whyEmpty() {
        try {
            return dependencies.newest().newestItems(Optional.empty(), 1).isEmpty() ? FallbackStatus.CATALOG_EMPTY
                    : FallbackStatus.NO_CANDIDATES;
        } catch (RuntimeException e) {
            return FallbackStatus.NO_CANDIDATES;
        }
    }

    /** Every item the user ever acted on (hidden ones included) and every item the caller excludes. */
    static Set<ItemId> unwanted(UserState state, Set<ItemId> exclude) {
        Set<ItemId> unwanted = new HashSet<>(state.seen());
        for (PositiveInteraction positive : state.positives()) {
            unwanted.add(positive.item());
        }
        unwanted.addAll(exclude);
        return unwanted;
    }

    /** The user's categories by how many of their positive items fall in each, most first. */
    static List<String> userCategories(ServingModel model, List<PositiveInteraction> positives) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PositiveInteraction positive : positives) {
            model.indexOf(positive.item()).ifPresent(item -> {
                for (int category : model.facets().categories()[item]) {
                    counts.merge(model.facets().categoryNames().get(category), 1, Integer::sum);
                }
            });
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** The retrievers that put {@code item} in their top list. */
    static List<String> sources(ServingModel model, UserCandidates found, int item) {
        List<String> sources = new ArrayList<>(found.retrievers());
        for (int m = 0; m < found.retrievers(); m++) {
            // A retriever whose scores are all equal for this user (item neighbours of an empty history)
            // ranked nothing: it is no source.
            if (found.proposedBy(m, item) && found.deviation(m) > 0) {
                sources.add(model.retrieverNames().get(m));
            }
        }
        return sources;
    }

    /**
     * Only catalog items are served, and only while available and, when a category is asked for, in it. An item
     * known only from events still counts for learning, but is not shown until the catalog knows it: an event's
     * item id is whatever a client sent (ADR-0019).
     */
    static boolean servable(Item item, Optional<String> category) {
        return item != null && item.available() && category.map(item::inCategory).orElse(true);
    }

    private static <T> T guard(String dependency, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new DependencyFailure(FallbackStatus.unavailable(dependency, describe(e)));
        }
    }

    private static String describe(RuntimeException e) {
        // Never the exception's type: a response names no class (ADR-0019).
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "failed" : e.getMessage();
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message;
    }

    /** A dependency failed on the model path: the fallback answers with this status. */
    static final class DependencyFailure extends RuntimeException {

        private final transient FallbackStatus status;

        DependencyFailure(FallbackStatus status) {
            super(status.reason().orElse(""), null, false, false);
            this.status = status;
        }

        FallbackStatus status() {
            return status;
        }
    }
}
