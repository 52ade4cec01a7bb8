package io.tandem.domain.experiment.attribution;

import io.tandem.domain.evaluation.Ndcg;
import io.tandem.domain.evaluation.ReciprocalRank;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One step of one request's attribution when its state is kept in a store rather than in an
 * {@link OnlineMetricsAggregate} (ADR-0026, amended): given the follow-ups the store already holds for the request
 * and some new events, which of the new events join them, and what the step adds to the request's cells. The
 * arithmetic is the aggregate's ({@code RequestState}), so a request's increments add up to the contribution the
 * aggregate gives it for the same events, in any order and however they were split into steps.
 *
 * @param accepted the events the store keeps for the request after this step (duplicates and late events left out;
 *                 when the list is counted now, the known follow-ups too)
 * @param increment what the step adds to the cells; empty when it changes nothing
 * @param outcomes how many of the new events ended in each outcome
 */
public record FollowUpStep(List<Event> accepted, Optional<CellIncrement> increment,
                           Map<AttributionOutcome, Long> outcomes) {

    private static final Set<EventType> FOLLOW_UPS =
            Set.of(EventType.IMPRESSION, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE);

    public FollowUpStep {
        accepted = List.copyOf(accepted);
        Objects.requireNonNull(increment, "increment");
        outcomes = Map.copyOf(outcomes);
    }

    /**
     * The step that applies {@code added} to the request of {@code list}. {@code known} are the follow-ups the
     * store holds for it; {@code counted} says whether the store's cells already hold the list and those
     * follow-ups. When it does not (the first follow-up, or a generation rebuilt from the lake), the step counts the
     * list and everything known as well.
     */
    public static FollowUpStep of(AttributionPolicy policy, ServedList list, boolean counted,
                                  Collection<Event> known, Collection<Event> added) {
        Ndcg ndcg = new Ndcg(policy.cutOff());
        ReciprocalRank reciprocalRank = new ReciprocalRank(policy.cutOff());
        Instant windowEnd = list.servedAt().plus(policy.window());
        RequestState state = new RequestState(list, null, null);
        List<Event> accepted = new ArrayList<>();
        for (Event event : known) {
            if (quotes(list, event) && !event.time().isAfter(windowEnd)
                    && state.apply(event, ndcg, reciprocalRank) != AttributionOutcome.DUPLICATE && !counted) {
                accepted.add(event);
            }
        }
        Contribution before = counted ? state.contribution() : Contribution.NONE;
        Map<AttributionOutcome, Long> outcomes = new EnumMap<>(AttributionOutcome.class);
        for (Event event : added) {
            AttributionOutcome outcome;
            if (!quotes(list, event)) {
                outcome = AttributionOutcome.NOT_A_FOLLOW_UP;
            } else if (event.time().isAfter(windowEnd)) {
                outcome = AttributionOutcome.LATE;
            } else {
                outcome = state.apply(event, ndcg, reciprocalRank);
                if (outcome != AttributionOutcome.DUPLICATE) {
                    accepted.add(event);
                }
            }
            outcomes.merge(outcome, 1L, Long::sum);
        }
        Contribution after = state.contribution();
        Optional<CellIncrement> increment = counted && after.equals(before) ? Optional.empty()
                : Optional.of(CellIncrement.between(list, policy.cutOff(), !counted, before, after));
        return new FollowUpStep(accepted, increment, outcomes);
    }

    private static boolean quotes(ServedList list, Event event) {
        return FOLLOW_UPS.contains(event.type())
                && event.context().requestId().filter(list.requestId()::equals).isPresent();
    }
}
