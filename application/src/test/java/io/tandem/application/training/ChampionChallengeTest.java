package io.tandem.application.training;

import io.tandem.application.registry.RegistryFake;
import io.tandem.application.registry.port.in.PromotionOutcome;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionPolicy;
import org.junit.jupiter.api.Test;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The promotion step of training under {@code tandem.training.promotion}: with {@code experiment}, a version that
 * passed the offline gate while a champion serves is left as a candidate (the champion keeps serving). The other
 * paths are training's own ({@code TrainModelsServiceTest}).
 */
class ChampionChallengeTest {

    private static final PromotionPolicy POLICY = new PromotionPolicy("ndcg@10", 0.0);

    private final RegistryFake registry = new RegistryFake();

    private ModelVersion registered(RegistryFake store, String version, ModelStage stage, double ndcg) {
        ModelVersion model = aVersion("two-stage", version).ndcg(ndcg).build();
        store.saveIfAbsent(model);
        if (stage == ModelStage.CHAMPION) {
            store.promote("two-stage", version);
        }
        return model;
    }

    @Test
    void inExperimentModeAWinnerStaysACandidateWhileAChampionServes() {
        registered(registry, "v1", ModelStage.CHAMPION, 0.30);
        ModelVersion candidate = registered(registry, "v2", ModelStage.CANDIDATE, 0.40);
        ChampionChallenge challenge = new ChampionChallenge(registry, registry, POLICY, PromotionMode.EXPERIMENT);

        PromotionOutcome outcome = challenge.challenge(candidate, null, true);

        assertThat(outcome.decision().promote()).isFalse();
        assertThat(outcome.decision().reason()).contains("passed the offline gate against champion v1",
                "left as a candidate for an experiment");
        assertThat(outcome.change()).isEmpty();
        assertThat(registry.loadVersion("two-stage", "v2")).map(ModelVersion::stage)
                .contains(ModelStage.CANDIDATE);
        assertThat(registry.loadVersion("two-stage", "v1")).map(ModelVersion::stage).contains(ModelStage.CHAMPION);
    }

    @Test
    void theSettingNamesOneOfTheTwoModesAndNothingElse() {
        assertThat(PromotionMode.of("experiment")).isEqualTo(PromotionMode.EXPERIMENT);
        assertThat(PromotionMode.of("offline")).isEqualTo(PromotionMode.OFFLINE);
        assertThatThrownBy(() -> PromotionMode.of("online")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("tandem.training.promotion.mode");
    }
}
