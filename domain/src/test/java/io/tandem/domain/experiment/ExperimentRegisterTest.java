package io.tandem.domain.experiment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tandem.domain.experiment.ExperimentFixture.START;
import static io.tandem.domain.experiment.ExperimentFixture.anExperiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperimentRegisterTest {

    private final ExperimentRegister register = new ExperimentRegister();

    @Test
    void aNameIsTakenOnceAndTheOrderIsThatOfCreation() {
        Experiment first = anExperiment().named("b-1").draft();
        Experiment second = anExperiment().named("a-1").draft();

        assertThat(register.add(first)).isTrue();
        assertThat(register.add(second)).isTrue();
        assertThat(register.add(anExperiment().named("b-1").on("home").draft())).isFalse();

        assertThat(register.all()).containsExactly(first, second);
        assertThat(register.find("b-1")).contains(first);
        assertThat(register.find("c-1")).isEmpty();
    }

    @Test
    void aChangeSeesEveryExperimentAndReplacesTheOneNamed() {
        register.add(anExperiment().named("home-1").on("home").draft());
        register.add(anExperiment().named("ab-1").draft());

        List<List<Experiment>> seen = new ArrayList<>();
        Experiment started = register.change("ab-1", (draft, all) -> {
            seen.add(all);
            return draft.start(START, all);
        }).orElseThrow();

        assertThat(seen).singleElement().asList().hasSize(2);
        assertThat(started.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(register.find("ab-1")).contains(started);
        assertThat(register.change("none", (draft, all) -> draft)).isEmpty();
    }

    @Test
    void aChangeThatRenamesIsRefusedAndChangesNothing() {
        Experiment draft = anExperiment().named("ab-1").draft();
        register.add(draft);

        assertThatThrownBy(() -> register.change("ab-1", (stored, all) -> anExperiment().named("ab-2").draft()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ab-1'");
        assertThat(register.all()).containsExactly(draft);
    }
}
