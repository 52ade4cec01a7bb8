package io.tandem.adapters.out.memory;

import io.tandem.application.registry.port.out.LoadExperimentDecisionsPort;
import io.tandem.application.registry.port.out.RecordExperimentDecisionPort;
import io.tandem.domain.experiment.decision.ExperimentDecision;

import java.util.ArrayList;
import java.util.List;

/**
 * Experiment decisions kept in memory, in the order they were recorded, at most one per version and experiment:
 * the store of the embedded experiments choice ({@code tandem.experiments.store=memory}) and of tests.
 */
public final class InMemoryExperimentDecisionsAdapter implements RecordExperimentDecisionPort,
        LoadExperimentDecisionsPort {

    private final List<ExperimentDecision> decisions = new ArrayList<>();

    @Override
    public synchronized boolean recordDecision(ExperimentDecision decision) {
        boolean known = decisions.stream().anyMatch(d -> d.experiment().equals(decision.experiment())
                && d.version().equals(decision.version()));
        if (known) {
            return false;
        }
        decisions.add(decision);
        return true;
    }

    @Override
    public synchronized List<ExperimentDecision> loadModelDecisions(String model) {
        return decisions.stream().filter(d -> d.version().name().equals(model)).toList();
    }

    @Override
    public synchronized List<ExperimentDecision> loadExperimentDecisions(String experiment) {
        return decisions.stream().filter(d -> d.experiment().equals(experiment)).toList();
    }
}
