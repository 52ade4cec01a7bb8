package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.tandem.adapters.in.cli.LaunchFailedException;
import io.tandem.application.training.TwoStageSettings;
import io.tandem.application.training.port.out.RankerParameters;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tandem.two-stage.*}: unset, it gives the settings the evaluation figures were measured with. */
class TwoStageConfigurationTest {

    @Test
    void unsetPropertiesGiveTheDefaultSettings() {
        try (ApplicationContext context = ApplicationContext.run(TandemHttp.isolated())) {
            assertThat(context.getBean(TwoStageConfiguration.class).settings()).isEqualTo(TwoStageSettings.defaults());
        }
    }

    @Test
    void theBagsAndTheRankersParametersAreRead() {
        Map<String, Object> properties = new HashMap<>(TandemHttp.isolated());
        properties.put("tandem.two-stage.bags", "3");
        properties.put("tandem.two-stage.ranker-rounds", "120");
        properties.put("tandem.two-stage.ranker-max-depth", "6");
        properties.put("tandem.two-stage.ranker-learning-rate", "0.05");
        properties.put("tandem.two-stage.max-ranker-rows", "250000");
        properties.put("tandem.two-stage.max-ranker-trees", "90");
        properties.put("tandem.two-stage.ranker-early-stopping-rounds", "0");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            TwoStageSettings settings = context.getBean(TwoStageConfiguration.class).settings();

            assertThat(settings.bags()).isEqualTo(3);
            assertThat(settings.maxRankerRows()).isEqualTo(250_000);
            assertThat(settings.maxRankerTrees()).isEqualTo(90);
            assertThat(settings.rankerOfBag(0).rounds()).isEqualTo(30);
            RankerParameters defaults = TwoStageSettings.defaults().ranker();
            assertThat(settings.ranker()).isEqualTo(new RankerParameters(120, 6, 0.05, defaults.minChildWeight(),
                    0, defaults.seed()));
        }
    }

    @Test
    void aNegativeEarlyStoppingStopsTheStartInOneLineNamingThePropertyAndItsVariable() {
        Map<String, Object> properties = new HashMap<>(TandemHttp.isolated());
        properties.put("tandem.two-stage.ranker-early-stopping-rounds", "-1");

        assertThatThrownBy(() -> MicronautTandemLauncher.start(properties, Profile.EMBEDDED, false).close())
                .isInstanceOf(LaunchFailedException.class)
                .hasMessage("tandem.two-stage.ranker-early-stopping-rounds "
                        + "(TANDEM_TWO_STAGE_RANKER_EARLY_STOPPING_ROUNDS) "
                        + "must not be negative (0 trains every round)");
    }
}
