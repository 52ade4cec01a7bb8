package io.tandem.application.experiment.port.out;

import io.tandem.application.experiment.ExperimentFixture;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.ExperimentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every experiment store promises (ADR-0024), run by each adapter's test: experiments come back exactly as
 * saved, names are unique, listing keeps the order of creation, and a change is one step, so overlapping experiments
 * started at the same moment never both run.
 */
public abstract class ExperimentStoreContract {

    /** Microseconds only: what every store keeps of an instant. */
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00.123456Z");

    /** The four experiment-store ports, as one adapter implements them. */
    public interface Store extends SaveExperimentPort, LoadExperimentPort, ListExperimentsPort, ChangeExperimentPort {

        /** The store that {@code adapter} is. */
        static <A extends SaveExperimentPort & LoadExperimentPort & ListExperimentsPort & ChangeExperimentPort> Store
                of(A adapter) {
            return new Store() {
                @Override
                public boolean saveExperiment(Experiment experiment) {
                    return adapter.saveExperiment(experiment);
                }

                @Override
                public Optional<Experiment> loadExperiment(String name) {
                    return adapter.loadExperiment(name);
                }

                @Override
                public List<Experiment> listExperiments() {
                    return adapter.listExperiments();
                }

                @Override
                public Optional<Experiment> changeExperiment(
                        String name, BiFunction<Experiment, List<Experiment>, Experiment> change) {
                    return adapter.changeExperiment(name, change);
                }
            };
        }
    }

    /** An empty store for one test. */
    protected abstract Store emptyStore();

    @Test
    void anExperimentIsReadBackExactlyInEveryStatus() {
        Store store = emptyStore();
        Experiment draft = ExperimentFixture.full("full-1");
        Experiment plain = ExperimentFixture.draft("plain");
        assertThat(store.saveExperiment(draft)).isTrue();
        assertThat(store.saveExperiment(plain)).isTrue();
        assertThat(store.loadExperiment("full-1")).contains(draft);
        assertThat(store.loadExperiment("plain")).contains(plain);

        Experiment running = draft.start(T0, List.of());
        assertThat(store.changeExperiment("full-1", (stored, all) -> stored.start(T0, all))).contains(running);
        assertThat(store.loadExperiment("full-1")).contains(running);

        Experiment stopped = running.stop(T0.plusSeconds(3600));
        assertThat(store.changeExperiment("full-1", (stored, all) -> stored.stop(T0.plusSeconds(3600))))
                .contains(stopped);
        assertThat(store.loadExperiment("full-1")).contains(stopped);
        assertThat(store.loadExperiment("unknown")).isEmpty();
        assertThat(store.loadExperiment("FULL-1")).isEmpty();
    }

    @Test
    void anInterleavingExperimentKeepsItsDesign() {
        Store store = emptyStore();
        Experiment interleaving = ExperimentFixture.interleaving("il-1");
        store.saveExperiment(interleaving);

        assertThat(store.loadExperiment("il-1")).contains(interleaving);
        assertThat(store.changeExperiment("il-1", (stored, all) -> stored.start(T0, all)).orElseThrow().interleaving())
                .isTrue();
        assertThat(store.listExperiments()).extracting(Experiment::design)
                .containsExactly(ExperimentDesign.INTERLEAVING);
    }

    @Test
    void aSecondExperimentOfTheSameNameIsRefusedAndTheFirstIsKept() {
        Store store = emptyStore();
        Experiment first = ExperimentFixture.draft("ab-1");
        store.saveExperiment(first);

        assertThat(store.saveExperiment(ExperimentFixture.full("ab-1"))).isFalse();
        assertThat(store.loadExperiment("ab-1")).contains(first);
        assertThat(store.listExperiments()).containsExactly(first);
    }

    @Test
    void experimentsAreListedInTheOrderTheyWereCreatedWhateverTheirNamesAndChanges() {
        Store store = emptyStore();
        List<Experiment> created = List.of(ExperimentFixture.draft("zeta"), ExperimentFixture.draft("alpha"),
                ExperimentFixture.draft("mid-1"), ExperimentFixture.draft("mid-0"));
        created.forEach(store::saveExperiment);
        store.changeExperiment("zeta", (stored, all) -> stored.start(T0, all));

        assertThat(store.listExperiments()).extracting(Experiment::name)
                .containsExactly("zeta", "alpha", "mid-1", "mid-0");
        assertThat(store.listExperiments().get(0).status()).isEqualTo(ExperimentStatus.RUNNING);
    }

    @Test
    void aChangeSeesEveryStoredExperimentAndAnUnknownNameIsNotChanged() {
        Store store = emptyStore();
        store.saveExperiment(ExperimentFixture.draft("one"));
        store.saveExperiment(ExperimentFixture.draft("two"));
        List<String> seen = new ArrayList<>();

        store.changeExperiment("two", (stored, all) -> {
            all.forEach(experiment -> seen.add(experiment.name()));
            return stored;
        });
        AtomicBoolean called = new AtomicBoolean();
        Optional<Experiment> unknown = store.changeExperiment("three", (stored, all) -> {
            called.set(true);
            return stored;
        });

        assertThat(seen).containsExactlyInAnyOrder("one", "two");
        assertThat(unknown).isEmpty();
        assertThat(called).isFalse();
        assertThat(store.listExperiments()).hasSize(2);
    }

    @Test
    void aRefusedChangeLeavesEveryExperimentAsItWas() {
        Store store = emptyStore();
        Experiment draft = ExperimentFixture.draft("ab-1");
        store.saveExperiment(draft);

        assertThatThrownBy(() -> store.changeExperiment("ab-1", (stored, all) -> stored.stop(T0)))
                .isInstanceOfSatisfying(ExperimentConflictException.class,
                        conflict -> assertThat(conflict.field()).isEqualTo("status"));

        assertThat(store.loadExperiment("ab-1")).contains(draft);
    }

    @Test
    void ofOverlappingExperimentsStartedAtTheSameMomentExactlyOneRuns() throws Exception {
        Store store = emptyStore();
        int contenders = 6;
        for (int i = 0; i < contenders; i++) {
            store.saveExperiment(ExperimentFixture.draft("race-" + i, Optional.of("home")));
        }
        CyclicBarrier start = new CyclicBarrier(contenders);
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                String name = "race-" + i;
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        store.changeExperiment(name, (stored, all) -> stored.start(T0, all));
                        return true;
                    } catch (ExperimentConflictException refused) {
                        assertThat(refused.field()).isEqualTo("surface");
                        return false;
                    }
                }));
            }
            int started = 0;
            for (Future<Boolean> outcome : outcomes) {
                started += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(started).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.listExperiments()).filteredOn(e -> e.status() == ExperimentStatus.RUNNING).hasSize(1);
    }
}
