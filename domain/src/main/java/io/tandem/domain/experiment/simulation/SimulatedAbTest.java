package io.tandem.domain.experiment.simulation;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetricsAggregate;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.experiment.readout.ExperimentReadout;
import io.tandem.domain.experiment.readout.GuardrailLimits;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.experiment.readout.Readout;
import io.tandem.domain.experiment.readout.ReadoutPolicy;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SampleRatio;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.Verdict;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * An A/B test through the production path: users are assigned by the experiment's hash, every answer is recorded
 * as a served list, every impression and click as an event, the aggregate attributes them, and the read-out with
 * its always-valid test is consulted every {@code lookEvery} requests.
 */
final class SimulatedAbTest {

    private static final String CHAMPION = "champion";
    private static final String CHALLENGER = "challenger";
    private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");
    /** Clicks follow at once in the simulation; a short window lets answered requests be forgotten. */
    private static final AttributionPolicy ATTRIBUTION = new AttributionPolicy(10, Duration.ofSeconds(1));

    private SimulatedAbTest() {
    }

    static Decision run(SimulationParameters parameters, Scenario scenario, SyntheticPopulation population,
                        RandomGenerator random, long seed) {
        Experiment experiment = Experiment.draft("simulation", Optional.of("simulation-" + Long.toHexString(seed)),
                Optional.empty(), List.of(Variant.of(CHAMPION, 0.5, VariantModel.champion()),
                        Variant.of(CHALLENGER, 0.5, VariantModel.champion())), OptionalDouble.empty())
                .start(START, List.of());
        ReadoutPolicy policy = new ReadoutPolicy(PrimaryMetric.CLICK_THROUGH_RATE,
                MixtureSprt.forEffect(parameters.alpha(), parameters.abMixtureSd()), parameters.minUsers(),
                Long.MAX_VALUE, GuardrailLimits.DEFAULT, SampleRatio.DEFAULT_THRESHOLD);
        OnlineMetricsAggregate aggregate = new OnlineMetricsAggregate(ATTRIBUTION);
        SequentialTest test = SequentialTest.start(policy.test());
        int listLength = parameters.listLength();
        for (int request = 1; request <= parameters.maxRequests(); request++) {
            int user = random.nextInt(population.users());
            UserId userId = population.user(user);
            String group = experiment.assign(userId).group();
            boolean good = group.equals(CHAMPION) ? scenario.championGood() : scenario.challengerGood();
            Instant at = START.plusMillis(request);
            serve(aggregate, "r" + request, group, user, userId, population.list(user, good), at, population, random);
            if (request % parameters.lookEvery() == 0) {
                Readout readout = ExperimentReadout.read(experiment, aggregate.totals(experiment.name()), CHAMPION,
                        CHALLENGER, test, policy);
                test = readout.test();
                if (readout.verdict() != Verdict.KEEP_RUNNING) {
                    return new Decision(readout.verdict(), (long) request * listLength, test.looks());
                }
                aggregate.expire(at);
            }
        }
        return new Decision(Verdict.KEEP_RUNNING, (long) parameters.maxRequests() * listLength, test.looks());
    }

    private static void serve(OnlineMetricsAggregate aggregate, String request, String group, int user,
                              UserId userId, List<ItemId> list, Instant at, SyntheticPopulation population,
                              RandomGenerator random) {
        List<ServedItem> items = new ArrayList<>(list.size());
        for (int place = 0; place < list.size(); place++) {
            items.add(ServedItem.ranked(list.get(place), place + 1));
        }
        aggregate.record(new ServedList(request, "simulation", group, userId, at, items, Duration.ZERO, false));
        EventContext context = new EventContext(Optional.empty(), Optional.of(request), OptionalInt.empty());
        for (int place = 0; place < list.size(); place++) {
            ItemId item = list.get(place);
            aggregate.apply(new Event(new EventId(request + "i" + place), EventType.IMPRESSION, userId, item, at,
                    OptionalDouble.empty(), context));
            if (population.clicks(user, item, place + 1, random)) {
                aggregate.apply(new Event(new EventId(request + "c" + place), EventType.CLICK, userId, item, at,
                        OptionalDouble.empty(), context));
            }
        }
    }
}
