package io.tandem.domain.experiment.simulation;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.experiment.interleaving.InterleavedList;
import io.tandem.domain.experiment.interleaving.InterleavingTally;
import io.tandem.domain.experiment.interleaving.TeamDraftInterleaving;
import io.tandem.domain.experiment.statistics.MixtureSprt;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Team-draft interleaving of the champion's and the challenger's lists for every request, the winner decided by
 * the clicks, and B's (the challenger's) preference watched by the same always-valid test as the A/B test.
 */
final class SimulatedInterleaving {

    private SimulatedInterleaving() {
    }

    static Decision run(SimulationParameters parameters, Scenario scenario, SyntheticPopulation population,
                        RandomGenerator random) {
        InterleavingTally<Integer> tally = new InterleavingTally<>();
        SequentialTest test = SequentialTest.start(
                MixtureSprt.forEffect(parameters.alpha(), parameters.interleavingMixtureSd()));
        int listLength = parameters.listLength();
        for (int request = 1; request <= parameters.maxRequests(); request++) {
            int user = random.nextInt(population.users());
            InterleavedList list = TeamDraftInterleaving.interleave(population.list(user, scenario.championGood()),
                    population.list(user, scenario.challengerGood()), listLength, random);
            List<ItemId> clicked = new ArrayList<>();
            for (int place = 0; place < list.items().size(); place++) {
                if (population.clicks(user, list.items().get(place), place + 1, random)) {
                    clicked.add(list.items().get(place));
                }
            }
            tally.add(user, list.credit(clicked));
            if (request % parameters.lookEvery() == 0 && tally.units() >= parameters.minUsers()) {
                test = test.observe(tally.preference());
                if (test.verdict() != Verdict.KEEP_RUNNING) {
                    return new Decision(test.verdict(), (long) request * listLength, test.looks());
                }
            }
        }
        return new Decision(Verdict.KEEP_RUNNING, (long) parameters.maxRequests() * listLength, test.looks());
    }
}
