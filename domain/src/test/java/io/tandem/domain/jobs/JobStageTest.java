package io.tandem.domain.jobs;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JobStageTest {

    private final List<Double> fractions = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    private final JobProgress job = (fraction, step) -> {
        fractions.add(fraction);
        steps.add(step);
    };

    @Test
    void aStageMapsItsOwnFractionIntoItsShareOfTheJobAndNamesItselfBeforeTheColon() {
        JobStage stage = new JobStage(job, "hold-out evaluation", 0.4, 0.6);

        stage.start("ranking every item for 5,000 users");
        stage.report(0.5, "2,500 of 5,000 users ranked");
        stage.report(2.0, "past the end");

        assertThat(fractions).containsExactly(0.4, 0.5, 0.6);
        assertThat(fractions.get(1)).isCloseTo(0.5, within(1e-12));
        assertThat(steps).containsExactly("hold-out evaluation: ranking every item for 5,000 users",
                "hold-out evaluation: 2,500 of 5,000 users ranked (50% of the stage)",
                "hold-out evaluation: past the end (100% of the stage)");
    }

    @Test
    void aNameWithAColonOrARangeOutsideTheJobIsRefused() {
        assertThatThrownBy(() -> new JobStage(job, "a: b", 0, 1)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new JobStage(job, "stage", 0.6, 0.4)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new JobStage(job, "stage", 0, 1.5)).isInstanceOf(InvalidFieldException.class);
    }
}
