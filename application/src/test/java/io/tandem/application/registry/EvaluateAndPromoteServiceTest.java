package io.tandem.application.registry;

import io.tandem.application.registry.port.in.EvaluateAndPromoteCommand;
import io.tandem.application.registry.port.in.PromotionOutcome;
import io.tandem.application.registry.port.out.EvaluateModelVersionPort;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluateAndPromoteServiceTest {

    private final RegistryFake registry = new RegistryFake();
    private final List<String> evaluated = new ArrayList<>();
    private EvaluateModelVersionPort evaluate = (version, holdOut) -> {
        evaluated.add(version.version() + "@" + holdOut);
        return new ModelMetrics(holdOut, Map.of("ndcg@10", 0.35));
    };

    @Test
    void withoutAChampionTheFirstCandidateIsPromoted() {
        registry.saveIfAbsent(Versions.ranker("ranker", "v1", 0.1));

        PromotionOutcome outcome = service().evaluateAndPromote(new EvaluateAndPromoteCommand("ranker", "v1"));

        assertThat(outcome.decision().promote()).isTrue();
        assertThat(outcome.change()).map(c -> c.champion().version()).contains("v1");
        assertThat(evaluated).isEmpty();
    }

    @Test
    void onTheSameHoldOutTheStoredMetricsAreComparedWithoutReevaluating() {
        championV1(Versions.HOLD_OUT, 0.40);
        registry.saveIfAbsent(Versions.ranker("ranker", "v2", 0.405));
        registry.saveIfAbsent(Versions.ranker("ranker", "v3", 0.42));

        PromotionOutcome notEnough = service().evaluateAndPromote(new EvaluateAndPromoteCommand("ranker", "v2"));
        PromotionOutcome better = service().evaluateAndPromote(new EvaluateAndPromoteCommand("ranker", "v3"));

        assertThat(notEnough.decision().promote()).isFalse();
        assertThat(notEnough.change()).isEmpty();
        assertThat(better.change()).map(c -> c.champion().version()).contains("v3");
        assertThat(better.change().flatMap(c -> c.archived())).map(ModelVersion::version).contains("v1");
        assertThat(evaluated).isEmpty();
    }

    @Test
    void aChampionMeasuredOnAnotherHoldOutIsEvaluatedOnTheChallengersFirst() {
        // On its own old hold-out the champion looks far better than the challenger; on the same one it is not.
        championV1("temporal:older", 0.90);
        registry.saveIfAbsent(Versions.ranker("ranker", "v2", 0.37));

        PromotionOutcome outcome = service().evaluateAndPromote(new EvaluateAndPromoteCommand("ranker", "v2"));

        assertThat(evaluated).containsExactly("v1@" + Versions.HOLD_OUT);
        assertThat(outcome.decision().promote()).isTrue();
        assertThat(outcome.decision().reason()).contains("0.350000");
    }

    @Test
    void aPromotionMadeWhileEvaluatingIsNotOverridden() {
        championV1("temporal:older", 0.30);
        registry.saveIfAbsent(Versions.ranker("ranker", "v2", 0.50));
        registry.saveIfAbsent(Versions.ranker("ranker", "v3", 0.10));
        evaluate = (version, holdOut) -> {
            // An operator promotes v3 while the champion is being evaluated.
            registry.promote("ranker", "v3");
            return new ModelMetrics(holdOut, Map.of("ndcg@10", 0.30));
        };

        assertThatThrownBy(() -> service().evaluateAndPromote(new EvaluateAndPromoteCommand("ranker", "v2")))
                .isInstanceOf(ModelConflictException.class);
        assertThat(registry.loadVersion("ranker", "v3")).map(ModelVersion::stage).contains(ModelStage.CHAMPION);
    }

    @Test
    void theChampionDoesNotChallengeItselfAndUnknownVersionsAreNamed() {
        championV1(Versions.HOLD_OUT, 0.4);

        assertThat(service().evaluateAndPromote(new EvaluateAndPromoteCommand("ranker", "v1")).decision().promote())
                .isFalse();
        assertThatThrownBy(() -> service().evaluateAndPromote(new EvaluateAndPromoteCommand("ranker", "v9")))
                .isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("version");
        assertThatThrownBy(() -> service().evaluateAndPromote(new EvaluateAndPromoteCommand("other", "v1")))
                .isInstanceOf(ModelNotFoundException.class)
                .extracting(e -> ((ModelNotFoundException) e).field()).isEqualTo("name");
    }

    private void championV1(String holdOut, double ndcg) {
        registry.saveIfAbsent(Versions.ranker("ranker", "v1", holdOut, ndcg));
        registry.promoteIfChampionIs("ranker", "v1", Optional.empty());
    }

    private EvaluateAndPromoteService service() {
        return new EvaluateAndPromoteService(registry, (version, holdOut) -> evaluate.evaluate(version, holdOut),
                registry, new PromotionPolicy("ndcg@10", 0.01));
    }
}
