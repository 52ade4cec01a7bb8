package io.tandem.application.serving;

import io.tandem.application.experiment.port.in.AssignVariantQuery;
import io.tandem.application.serving.port.in.RequestContext;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Assignment;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.experiment.interleaving.Team;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The request pipeline's experiment step (ADRs 0024, 0026): the request's user is assigned to a group of the
 * experiment running on the request's surface, the group decides the model and the serving options, and the answer
 * is recorded as a served list for its follow-up events; in an interleaving experiment both variants answer and their
 * lists are merged by team draft, each item recorded with its team. Neither step ever fails a request: an assignment that
 * cannot be made serves the champion outside the experiment, and a list that cannot be recorded is counted and logged.
 */
final class ExperimentStep {

    private static final System.Logger LOG = System.getLogger(ExperimentStep.class.getName());
    /** Failures to assign or to record, logged at the first and then every {@value #LOG_EVERY}th. */
    private static final long LOG_EVERY = 1_000;
    private static final AtomicLong assignFailures = new AtomicLong();
    private static final AtomicLong recordFailures = new AtomicLong();

    private final ServingDependencies dependencies;

    ExperimentStep(ServingDependencies dependencies) {
        this.dependencies = dependencies;
    }

    /**
     * Where {@code user} lands in the experiment running on {@code context}'s surface; empty outside every
     * experiment, and when the assignment fails (the request is then served as if no experiment ran).
     */
    Optional<Assignment> assign(UserId user, RequestContext context) {
        try {
            return dependencies.experiments().assignments().assign(new AssignVariantQuery(user, context.surface()));
        } catch (RuntimeException e) {
            if (assignFailures.getAndIncrement() % LOG_EVERY == 0) {
                LOG.log(System.Logger.Level.WARNING, "a request could not be assigned to an experiment and is "
                        + "served outside it (" + assignFailures.get() + " so far): " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** The serving options of the assigned variant (none for the holdout and outside experiments). */
    static ServingOptions options(Optional<Assignment> assignment) {
        return assignment.flatMap(Assignment::variant).map(Variant::options).orElse(ServingOptions.DEFAULTS);
    }

    /** What the assigned group serves: the champion for the holdout and outside experiments. */
    static VariantModel modelOf(Optional<Assignment> assignment) {
        return assignment.flatMap(Assignment::variant).map(Variant::model).orElseGet(VariantModel::champion);
    }

    /**
     * The answer {@code answer} gives under {@code assignment}, as served: an interleaved assignment asks it once per
     * side (each side a one-variant assignment) and merges the two by team draft ({@link InterleavedAnswer}); any
     * other asks it once. Empty when {@code answer} (or an interleaved assignment's first side) has none.
     */
    Optional<Recommendation> serve(Optional<Assignment> assignment, long startedNanos,
                                   Function<Optional<Assignment>, Optional<Recommendation>> answer) {
        if (assignment.isEmpty() || !assignment.get().interleaved()) {
            return answer.apply(assignment).map(found -> served(found, assignment, startedNanos));
        }
        Assignment both = assignment.get();
        Optional<Recommendation> a = answer.apply(Optional.of(both.side(Team.A)));
        if (a.isEmpty()) {
            return Optional.empty();
        }
        InterleavedAnswer merged = answer.apply(Optional.of(both.side(Team.B)))
                .map(b -> InterleavedAnswer.merge(both, a.get(), b))
                .orElseGet(() -> new InterleavedAnswer(a.get(), Optional.empty()));
        return Optional.of(record(merged.answer(), both, merged.teams(), startedNanos));
    }

    /**
     * The answer as served under {@code assignment}; inside an experiment its list is recorded first, with the
     * time since {@code startedNanos} as its latency, so that its follow-ups find it (ADR-0026).
     */
    Recommendation served(Recommendation answer, Optional<Assignment> assignment, long startedNanos) {
        if (assignment.isEmpty()) {
            return answer;
        }
        return record(answer, assignment.get(), Optional.empty(), startedNanos);
    }

    /** Records {@code answer}'s list under {@code assignment}, each item with its team when {@code teams} names them. */
    private Recommendation record(Recommendation answer, Assignment assignment, Optional<List<Team>> teams,
                                  long startedNanos) {
        Duration latency = Duration.ofNanos(Math.max(0, System.nanoTime() - startedNanos));
        try {
            List<ServedItem> items = new ArrayList<>(answer.items().size());
            for (int i = 0; i < answer.items().size(); i++) {
                RankedItem item = answer.items().get(i);
                // Every place is chosen deterministically, the exploration places and the team draft too (its coin
                // is seeded by the request id): each served position has propensity 1.
                items.add(teams.isPresent() ? ServedItem.drafted(item.item(), item.rank(), teams.get().get(i))
                        : ServedItem.ranked(item.item(), item.rank()));
            }
            dependencies.experiments().servedLists().recordServedList(new ServedList(answer.requestId(),
                    assignment.experiment(), assignment.group(), answer.user(),
                    dependencies.experiments().clock().instant(), items, latency, answer.fallback().used()));
        } catch (RuntimeException e) {
            if (recordFailures.getAndIncrement() % LOG_EVERY == 0) {
                LOG.log(System.Logger.Level.WARNING, "a served list could not be recorded; its follow-ups will not "
                        + "be attributed (" + recordFailures.get() + " so far): " + e.getMessage());
            }
        }
        return answer.servedUnder(Optional.of(assignment));
    }
}
