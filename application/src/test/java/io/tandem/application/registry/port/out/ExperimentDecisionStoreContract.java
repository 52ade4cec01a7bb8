package io.tandem.application.registry.port.out;

import io.tandem.domain.experiment.decision.DecisionOutcome;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.experiment.decision.VariantEvidence;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.model.ModelRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every store of experiment decisions promises (ADR-0025), run by each adapter's test: a decision comes back
 * exactly as recorded (every double to the last bit, unbounded interval ends and a missing difference included),
 * by model and by experiment, oldest first; one experiment decides one version once, so a second record of it, even
 * from another thread at the same moment, changes nothing.
 */
public abstract class ExperimentDecisionStoreContract {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00.123456Z");

    /** The two decision ports, as one adapter implements them. */
    public interface Store extends RecordExperimentDecisionPort, LoadExperimentDecisionsPort {

        /** The store that {@code adapter} is. */
        static <A extends RecordExperimentDecisionPort & LoadExperimentDecisionsPort> Store of(A adapter) {
            return new Store() {
                @Override
                public boolean recordDecision(ExperimentDecision decision) {
                    return adapter.recordDecision(decision);
                }

                @Override
                public List<ExperimentDecision> loadModelDecisions(String model) {
                    return adapter.loadModelDecisions(model);
                }

                @Override
                public List<ExperimentDecision> loadExperimentDecisions(String experiment) {
                    return adapter.loadExperimentDecisions(experiment);
                }
            };
        }
    }

    /** An empty store for one test. */
    protected abstract Store emptyStore();

    @Test
    void decisionsAreReadBackExactlyByModelAndByExperimentOldestFirst() {
        Store store = emptyStore();
        ExperimentDecision promoted = decision("ab-1", "v2", DecisionOutcome.PROMOTED, 0);
        ExperimentDecision lost = new ExperimentDecision("ab-2", new ModelRef("two-stage", "v3"),
                DecisionOutcome.LOST, T0.plusSeconds(60), PrimaryMetric.CONVERSION_RATE,
                VariantEvidence.none("control"), new VariantEvidence("b", 7, 0, 0, Interval.EVERYTHING, 0, 1.0),
                OptionalDouble.empty(), new Interval(Double.NEGATIVE_INFINITY, -0.002), 1.0, 0, 1.0, true, false,
                false, "lost online: the challenger is worse");
        ExperimentDecision other = decision("ab-1", "p1", DecisionOutcome.STOPPED, 120);
        ExperimentDecision otherModel = new ExperimentDecision(other.experiment(), new ModelRef("popular", "p1"),
                other.outcome(), other.decidedAt(), other.metric(), other.control(), other.challenger(),
                other.difference(), other.alwaysValidInterval(), other.alwaysValidPValue(), other.looks(),
                other.sampleRatioPValue(), other.sampleRatioMismatch(), other.guardrailsHeld(),
                other.offlineGatePassed(), other.reason());

        assertThat(store.recordDecision(promoted)).isTrue();
        assertThat(store.recordDecision(lost)).isTrue();
        assertThat(store.recordDecision(otherModel)).isTrue();

        assertThat(store.loadModelDecisions("two-stage")).containsExactly(promoted, lost);
        assertThat(store.loadModelDecisions("popular")).containsExactly(otherModel);
        assertThat(store.loadExperimentDecisions("ab-1")).containsExactly(promoted, otherModel);
        assertThat(store.loadExperimentDecisions("ab-2")).containsExactly(lost);
        assertThat(store.loadModelDecisions("unknown")).isEmpty();
        assertThat(store.loadExperimentDecisions("AB-1")).isEmpty();
    }

    @Test
    void aVersionIsDecidedOncePerExperimentAndTheFirstRecordStands() {
        Store store = emptyStore();
        ExperimentDecision first = decision("ab-1", "v2", DecisionOutcome.WON_NOT_PROMOTED, 0);
        ExperimentDecision later = decision("ab-1", "v2", DecisionOutcome.LOST, 300);
        ExperimentDecision elsewhere = decision("ab-9", "v2", DecisionOutcome.LOST, 600);

        assertThat(store.recordDecision(first)).isTrue();
        assertThat(store.recordDecision(later)).isFalse();
        assertThat(store.recordDecision(elsewhere)).as("another experiment may decide the same version").isTrue();

        assertThat(store.loadModelDecisions("two-stage")).containsExactly(first, elsewhere);
    }

    @Test
    void ofRecordsOfOneDecisionAtTheSameMomentExactlyOneIsStored() throws Exception {
        Store store = emptyStore();
        int threads = 6;
        CountDownLatch ready = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ExperimentDecision decision = decision("race-1", "v2", DecisionOutcome.PROMOTED, t);
                Callable<Boolean> record = () -> {
                    ready.countDown();
                    ready.await();
                    return store.recordDecision(decision);
                };
                results.add(pool.submit(record));
            }
            int stored = 0;
            for (Future<Boolean> result : results) {
                stored += result.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
            assertThat(store.loadExperimentDecisions("race-1")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A decision about {@code two-stage} {@code version} with evidence of doubles that are not round numbers. */
    protected static ExperimentDecision decision(String experiment, String version, DecisionOutcome outcome,
                                                 long secondsLater) {
        boolean promoted = outcome == DecisionOutcome.PROMOTED;
        return new ExperimentDecision(experiment, new ModelRef("two-stage", version), outcome,
                T0.plusSeconds(secondsLater), PrimaryMetric.CLICK_THROUGH_RATE,
                new VariantEvidence("control", 1_003, 5_015, 0.1 / 3, new Interval(0.1 / 4, 0.1 / 2.5), 12.3456789,
                        0.0017),
                new VariantEvidence("b", 998, 4_990, 0.2 / 3, new Interval(0.2 / 4, Double.POSITIVE_INFINITY),
                        13.75, 0.0021),
                OptionalDouble.of(1 / 30.0), new Interval(0.0123456789, 0.0543210987), 1e-7, 17, 0.987654321,
                false, true, promoted || outcome == DecisionOutcome.LOST, "why: " + outcome.wireName());
    }
}
