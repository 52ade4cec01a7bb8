package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.AttributeEventsCommand;
import io.tandem.application.experiment.port.in.AttributeEventsUseCase;
import io.tandem.application.experiment.port.out.LoadServedListsPort;
import io.tandem.application.experiment.port.out.SaveOnlineMetricsPort;
import io.tandem.domain.experiment.attribution.AttributionOutcome;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.OnlineMetricsAggregate;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds follow-up events into the online metrics (ADR-0026): the served list a follow-up quotes is read from the
 * served-list store the first time one of its follow-ups arrives, recorded in the {@link OnlineMetricsAggregate},
 * and every event is applied to it; the cells of each experiment an event changed are then saved whole, replacing
 * the stored ones. An event id counts once per request, so a redelivered batch changes nothing. Requests whose
 * attribution window has closed are forgotten once a minute, keeping what they added. A failure to read served
 * lists fails the batch (it is delivered again, like a failure of the online store beside it); a failure to save
 * the cells does not, and they are saved with the next batch.
 *
 * <p>The aggregate is this instance's memory: it is meant to run in the one process that applies the event log to
 * the online features, and a restarted process starts it afresh (ADR-0026, amended, says what that costs).
 */
public final class AttributeEventsService implements AttributeEventsUseCase {

    private static final Set<EventType> FOLLOW_UPS =
            Set.of(EventType.IMPRESSION, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE);
    private static final Duration EXPIRE_EVERY = Duration.ofMinutes(1);

    private final OnlineMetricsAggregate aggregate;
    private final LoadServedListsPort servedLists;
    private final SaveOnlineMetricsPort metrics;
    private final Clock clock;
    private Instant expiredAt;
    /** Experiments whose cells changed since they were last saved (a failed save is retried with the next batch). */
    private final Set<String> unsaved = new LinkedHashSet<>();

    private static final System.Logger LOG = System.getLogger(AttributeEventsService.class.getName());

    public AttributeEventsService(AttributionPolicy policy, LoadServedListsPort servedLists,
                                  SaveOnlineMetricsPort metrics, Clock clock) {
        this.aggregate = new OnlineMetricsAggregate(Objects.requireNonNull(policy, "policy"));
        this.servedLists = Objects.requireNonNull(servedLists, "servedLists");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expiredAt = clock.instant();
    }

    @Override
    public synchronized void attribute(AttributeEventsCommand command) {
        List<Event> followUps = command.events().stream()
                .filter(event -> FOLLOW_UPS.contains(event.type()) && event.context().requestId().isPresent())
                .toList();
        expireNowAndThen();
        if (followUps.isEmpty()) {
            return;
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (Event event : followUps) {
            String requestId = event.context().requestId().orElseThrow();
            if (aggregate.openList(requestId).isEmpty()) {
                unknown.add(requestId);
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, ServedList> found = servedLists.loadServedLists(unknown);
            unknown.stream().map(found::get).filter(Objects::nonNull).forEach(aggregate::record);
        }
        for (Event event : followUps) {
            AttributionOutcome outcome = aggregate.apply(event);
            if (outcome == AttributionOutcome.POSITION || outcome == AttributionOutcome.REQUEST) {
                aggregate.openList(event.context().requestId().orElseThrow())
                        .ifPresent(list -> unsaved.add(list.experiment()));
            }
        }
        if (!unsaved.isEmpty()) {
            try {
                metrics.saveOnlineMetrics(cellsOf(unsaved));
                unsaved.clear();
            } catch (RuntimeException e) {
                // The events are counted in memory already (a redelivery would be a duplicate): the cells are saved
                // with the next batch instead, and the event log is not held back for the metric store.
                LOG.log(System.Logger.Level.WARNING, "online metrics of " + unsaved + " could not be saved; "
                        + "retried with the next events: " + e.getMessage());
            }
        }
    }

    private List<OnlineMetrics> cellsOf(Set<String> experiments) {
        List<OnlineMetrics> cells = new ArrayList<>();
        for (String experiment : experiments) {
            cells.addAll(aggregate.totals(experiment).values());
        }
        aggregate.daily().stream().filter(cell -> experiments.contains(cell.experiment())).forEach(cells::add);
        return cells;
    }

    private void expireNowAndThen() {
        Instant now = clock.instant();
        if (Duration.between(expiredAt, now).compareTo(EXPIRE_EVERY) >= 0) {
            aggregate.expire(now);
            expiredAt = now;
        }
    }

}
