package io.tandem.domain.experiment.attribution;

import io.tandem.domain.evaluation.Ndcg;
import io.tandem.domain.evaluation.ReciprocalRank;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The incremental online metrics of every experiment: served lists are recorded as they are answered, follow-up
 * events are applied as they arrive, and the per-variant figures (per day and for the whole experiment) can be
 * read at any time. Feeding it the served lists and then the events of a log, in any order among the events,
 * recomputes the same figures (sums of fractions up to rounding). Not thread-safe: one writer feeds it.
 */
public final class OnlineMetricsAggregate {

    private static final Set<EventType> FOLLOW_UPS =
            Set.of(EventType.IMPRESSION, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE);
    private static final Comparator<CellKey> CELL_ORDER = Comparator.comparing(CellKey::experiment)
            .thenComparing(CellKey::variant)
            .thenComparing(key -> key.day().orElse(LocalDate.MIN));

    private final AttributionPolicy policy;
    private final Ndcg ndcg;
    private final ReciprocalRank reciprocalRank;
    private final Map<String, RequestState> requests = new HashMap<>();
    private final Map<CellKey, MetricCell> cells = new HashMap<>();
    private final Map<AttributionOutcome, Long> outcomes = new EnumMap<>(AttributionOutcome.class);

    public OnlineMetricsAggregate(AttributionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ndcg = new Ndcg(policy.cutOff());
        this.reciprocalRank = new ReciprocalRank(policy.cutOff());
    }

    /** Recomputes the metrics of a log: every served list first, then every follow-up event. */
    public static OnlineMetricsAggregate replay(AttributionPolicy policy, Iterable<ServedList> served,
                                                Iterable<Event> events) {
        OnlineMetricsAggregate aggregate = new OnlineMetricsAggregate(policy);
        served.forEach(aggregate::record);
        events.forEach(aggregate::apply);
        return aggregate;
    }

    /** Records a served list; false (and nothing counted) when its request id was recorded before. */
    public boolean record(ServedList list) {
        if (requests.containsKey(list.requestId())) {
            return false;
        }
        RequestState state = new RequestState(list, cell(list, Optional.of(day(list))), cell(list, Optional.empty()));
        requests.put(list.requestId(), state);
        state.cells().forEach(cell -> cell.served(list));
        return true;
    }

    /** Attributes one event to the request it quotes, if it is a follow-up of a known request in its window. */
    public AttributionOutcome apply(Event event) {
        AttributionOutcome outcome = attribute(event);
        outcomes.merge(outcome, 1L, Long::sum);
        return outcome;
    }

    private AttributionOutcome attribute(Event event) {
        Optional<String> requestId = event.context().requestId();
        if (!FOLLOW_UPS.contains(event.type()) || requestId.isEmpty()) {
            return AttributionOutcome.NOT_A_FOLLOW_UP;
        }
        RequestState state = requests.get(requestId.get());
        if (state == null) {
            return AttributionOutcome.UNKNOWN_REQUEST;
        }
        ServedList list = state.list();
        if (event.time().isAfter(windowEnd(list))) {
            return AttributionOutcome.LATE;
        }
        Contribution before = state.contribution();
        AttributionOutcome outcome = state.apply(event, ndcg, reciprocalRank);
        Contribution after = state.contribution();
        if (!after.equals(before)) {
            state.cells().forEach(cell -> cell.change(list.user(), before, after));
        }
        return outcome;
    }

    /**
     * Forgets the requests whose attribution window closed before {@code now}, keeping what they added; their
     * later events then count as unknown requests. Returns how many were forgotten.
     */
    public int expire(Instant now) {
        int forgotten = 0;
        for (Iterator<RequestState> states = requests.values().iterator(); states.hasNext(); ) {
            if (windowEnd(states.next().list()).isBefore(now)) {
                states.remove();
                forgotten++;
            }
        }
        return forgotten;
    }

    /** The served list of {@code requestId} while it is open for follow-ups. */
    public Optional<ServedList> openList(String requestId) {
        return Optional.ofNullable(requests.get(requestId)).map(RequestState::list);
    }

    /** How many requests are still open for follow-ups. */
    public int openRequests() {
        return requests.size();
    }

    /** The metrics of every variant and day, by experiment, variant and day. */
    public List<OnlineMetrics> daily() {
        return cells.entrySet().stream().filter(entry -> entry.getKey().day().isPresent())
                .sorted(Map.Entry.comparingByKey(CELL_ORDER))
                .map(entry -> snapshot(entry.getKey(), entry.getValue())).toList();
    }

    /** The whole-experiment metrics of each variant of {@code experiment} (the holdout too), by variant name. */
    public Map<String, OnlineMetrics> totals(String experiment) {
        Map<String, OnlineMetrics> totals = new LinkedHashMap<>();
        cells.entrySet().stream()
                .filter(entry -> entry.getKey().day().isEmpty() && entry.getKey().experiment().equals(experiment))
                .sorted(Map.Entry.comparingByKey(CELL_ORDER))
                .forEach(entry -> totals.put(entry.getKey().variant(), snapshot(entry.getKey(), entry.getValue())));
        return totals;
    }

    /** How many events ended in each outcome, for the operators' counters. */
    public Map<AttributionOutcome, Long> outcomes() {
        return Map.copyOf(outcomes);
    }

    private OnlineMetrics snapshot(CellKey key, MetricCell cell) {
        return cell.snapshot(key.experiment(), key.variant(), key.day(), policy.cutOff());
    }

    private MetricCell cell(ServedList list, Optional<LocalDate> day) {
        return cells.computeIfAbsent(new CellKey(list.experiment(), list.variant(), day), key -> new MetricCell());
    }

    private Instant windowEnd(ServedList list) {
        return list.servedAt().plus(policy.window());
    }

    private static LocalDate day(ServedList list) {
        return LocalDate.ofInstant(list.servedAt(), ZoneOffset.UTC);
    }

    private record CellKey(String experiment, String variant, Optional<LocalDate> day) {
    }
}
