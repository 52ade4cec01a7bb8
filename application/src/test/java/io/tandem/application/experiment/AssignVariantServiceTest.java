package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.AssignVariantQuery;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Assignment;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Assignment as serving will ask for it: stable across instances, by surface, and following starts and stops. */
class AssignVariantServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private final ExperimentStoreFake store = new ExperimentStoreFake();

    @Test
    void twoInstancesOverOneStoreGiveEveryUserTheSameVariant() {
        start(ExperimentFixture.draft("ab-1"));
        AssignVariantService one = new AssignVariantService(store, Clock.fixed(T0, ZoneOffset.UTC), Duration.ZERO);
        AssignVariantService two = new AssignVariantService(store, Clock.systemUTC(), Duration.ofSeconds(30));

        Map<String, Integer> groups = new HashMap<>();
        for (int u = 0; u < 2_000; u++) {
            AssignVariantQuery query = new AssignVariantQuery(UserId.of("user-" + u), Optional.empty());
            Assignment first = one.assign(query).orElseThrow();
            assertThat(two.assign(query)).contains(first);
            assertThat(one.assign(query)).contains(first);
            groups.merge(first.group(), 1, Integer::sum);
        }
        assertThat(groups.keySet()).containsExactlyInAnyOrder("a", "b");
        assertThat(groups.get("a")).isBetween(900, 1_100);
    }

    @Test
    void onlyTheExperimentCoveringTheRequestsSurfaceApplies() {
        start(ExperimentFixture.draft("home-1", Optional.of("home")));
        AssignVariantService assign = new AssignVariantService(store, Clock.systemUTC(), Duration.ZERO);
        UserId user = UserId.of("u1");

        assertThat(assign.assign(new AssignVariantQuery(user, Optional.of("home")))).get()
                .extracting(Assignment::experiment).isEqualTo("home-1");
        assertThat(assign.assign(new AssignVariantQuery(user, Optional.of("cart")))).isEmpty();
        assertThat(assign.assign(new AssignVariantQuery(user, Optional.empty()))).isEmpty();
    }

    @Test
    void startsAndStopsElsewhereArriveWithinTheRefreshInterval() {
        MutableClock clock = new MutableClock();
        AssignVariantService assign = new AssignVariantService(store, clock, Duration.ofSeconds(1));
        AssignVariantQuery query = new AssignVariantQuery(UserId.of("u1"), Optional.empty());
        assertThat(assign.assign(query)).isEmpty();

        start(ExperimentFixture.draft("ab-1"));
        clock.now = T0.plusMillis(999);
        assertThat(assign.assign(query)).as("read less than a second ago").isEmpty();
        clock.now = T0.plusMillis(1_000);
        assertThat(assign.assign(query)).isPresent();

        store.changeExperiment("ab-1", (experiment, all) -> experiment.stop(T0.plusSeconds(2)));
        clock.now = T0.plusMillis(2_000);
        assertThat(assign.assign(query)).isEmpty();
    }

    @Test
    void ofTwoExperimentsRunningOnOneSurfaceTheOlderIsServedAndNoRequestFails() {
        // Both running, as a store written around the start rule could hold them.
        store.saveExperiment(ExperimentFixture.draft("young-1", Optional.of("home")).start(T0.plusSeconds(5),
                java.util.List.of()));
        store.saveExperiment(ExperimentFixture.draft("old-1", Optional.of("home")).start(T0, java.util.List.of()));
        AssignVariantService assign = new AssignVariantService(store, Clock.systemUTC(), Duration.ZERO);

        for (int u = 0; u < 100; u++) {
            assertThat(assign.assign(new AssignVariantQuery(UserId.of("u" + u), Optional.of("home")))).get()
                    .extracting(Assignment::experiment).isEqualTo("old-1");
        }
    }

    @Test
    void whileTheStoreIsAwayTheRunningExperimentsLastReadKeepServing() {
        start(ExperimentFixture.draft("ab-1"));
        java.util.concurrent.atomic.AtomicBoolean away = new java.util.concurrent.atomic.AtomicBoolean();
        MutableClock clock = new MutableClock();
        AssignVariantService assign = new AssignVariantService(() -> {
            if (away.get()) {
                throw new IllegalStateException("database away");
            }
            return store.listExperiments();
        }, clock, Duration.ofSeconds(1));
        AssignVariantQuery query = new AssignVariantQuery(UserId.of("u1"), Optional.empty());
        Assignment before = assign.assign(query).orElseThrow();

        away.set(true);
        clock.now = T0.plusSeconds(5);

        assertThat(assign.assign(query)).contains(before);
        AssignVariantService cold = new AssignVariantService(() -> {
            throw new IllegalStateException("database away");
        }, clock, Duration.ofSeconds(1));
        assertThat(cold.assign(query)).as("nothing read yet: outside every experiment").isEmpty();
    }

    private void start(io.tandem.domain.experiment.Experiment draft) {
        store.saveExperiment(draft);
        store.changeExperiment(draft.name(), (experiment, all) -> experiment.start(T0, all));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
