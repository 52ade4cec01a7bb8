package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.AttributeEventsCommand;
import io.tandem.application.experiment.port.in.AttributeEventsUseCase;
import io.tandem.application.experiment.port.out.ForgetAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadServedListsPort;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Folds follow-up events into the online metrics (ADR-0026, amended): the served list a follow-up quotes is read
 * from the served-list store, and each request's new follow-ups are written to the metric store as increments
 * ({@link AttributionWriter}), which that store adds atomically and refuses when another writer changed the request
 * first. Nothing is held in this instance's memory but a cache of served lists (which never change), so any number
 * of instances may attribute, a batch delivered twice or to two instances counts once (each request keeps the ids
 * of its follow-ups), and a restart loses nothing. A failure to read lists or to write the metrics fails the batch,
 * which is delivered again like a failure of the online store beside it. States whose lists have left the
 * served-list store are dropped once a minute.
 */
public final class AttributeEventsService implements AttributeEventsUseCase {

    private static final Set<EventType> FOLLOW_UPS =
            Set.of(EventType.IMPRESSION, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(1);
    private static final int CACHED_LISTS = 10_000;

    private final LoadServedListsPort servedLists;
    private final AttributionWriter writer;
    private final ForgetAttributionStatesPort forget;
    private final Duration keep;
    private final Clock clock;
    private final Map<String, ServedList> cached = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ServedList> eldest) {
            return size() > CACHED_LISTS;
        }
    };
    private Instant forgotAt;

    private static final System.Logger LOG = System.getLogger(AttributeEventsService.class.getName());

    /**
     * @param keep how long after serving a request's state is kept: the served-list store's time to live, so that a
     *             request is forgotten only once its list can no longer be read either
     */
    public AttributeEventsService(AttributionPolicy policy, LoadServedListsPort servedLists,
                                  OnlineMetricsStore store, Duration keep, Clock clock) {
        this.servedLists = Objects.requireNonNull(servedLists, "servedLists");
        this.keep = Objects.requireNonNull(keep, "keep");
        this.writer = new AttributionWriter(policy, store.states(), store.generations(), store.add(), keep);
        this.forget = store.forget();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.forgotAt = clock.instant();
    }

    @Override
    public synchronized void attribute(AttributeEventsCommand command) {
        forgetNowAndThen();
        Map<String, List<Event>> byRequest = new LinkedHashMap<>();
        for (Event event : command.events()) {
            if (FOLLOW_UPS.contains(event.type()) && event.context().requestId().isPresent()) {
                byRequest.computeIfAbsent(event.context().requestId().orElseThrow(), id -> new ArrayList<>())
                        .add(event);
            }
        }
        if (byRequest.isEmpty()) {
            return;
        }
        writer.write(lists(byRequest.keySet()), byRequest, OptionalLong.empty(), false);
    }

    private Map<String, ServedList> lists(Set<String> requestIds) {
        Instant oldest = clock.instant().minus(keep);
        Map<String, ServedList> lists = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String requestId : requestIds) {
            ServedList list = cached.get(requestId);
            if (list != null && list.servedAt().isAfter(oldest)) {
                lists.put(requestId, list);
            } else {
                missing.add(requestId);
            }
        }
        if (!missing.isEmpty()) {
            servedLists.loadServedLists(missing).forEach((requestId, list) -> {
                cached.put(requestId, list);
                lists.put(requestId, list);
            });
        }
        return lists;
    }

    private void forgetNowAndThen() {
        Instant now = clock.instant();
        if (Duration.between(forgotAt, now).compareTo(FORGET_EVERY) < 0) {
            return;
        }
        forgotAt = now;
        try {
            forget.forgetAttributionStates(now);
        } catch (RuntimeException e) {
            // Forgetting only frees space: what the states added stays in the cells, and the next sweep retries.
            LOG.log(System.Logger.Level.WARNING, "attribution states could not be swept: " + e.getMessage());
        }
    }
}
