package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromotionPolicyTest {

    private static final String HOLD_OUT = "temporal:2026-11-01..2026-11-08";
    private final PromotionPolicy policy = new PromotionPolicy("ndcg@10", 0.01);

    @Test
    void withoutAChampionTheChallengerIsPromoted() {
        PromotionDecision decision = policy.decide(ndcg(HOLD_OUT, 0.1), Optional.empty());

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).contains("no champion");
    }

    @Test
    void theChallengerMustBeatTheChampionByMoreThanTheMargin() {
        assertThat(policy.decide(ndcg(HOLD_OUT, 0.4101), Optional.of(ndcg(HOLD_OUT, 0.40))).promote()).isTrue();
        assertThat(policy.decide(ndcg(HOLD_OUT, 0.41), Optional.of(ndcg(HOLD_OUT, 0.40))).promote()).isFalse();
        assertThat(policy.decide(ndcg(HOLD_OUT, 0.405), Optional.of(ndcg(HOLD_OUT, 0.40))).promote()).isFalse();
        assertThat(policy.decide(ndcg(HOLD_OUT, 0.30), Optional.of(ndcg(HOLD_OUT, 0.40))).reason())
                .contains("does not beat");
    }

    @Test
    void withAZeroMarginATieKeepsTheChampion() {
        PromotionPolicy strict = new PromotionPolicy("ndcg@10", 0.0);

        assertThat(strict.decide(ndcg(HOLD_OUT, 0.4), Optional.of(ndcg(HOLD_OUT, 0.4))).promote()).isFalse();
        assertThat(strict.decide(ndcg(HOLD_OUT, 0.4000001), Optional.of(ndcg(HOLD_OUT, 0.4))).promote()).isTrue();
    }

    @Test
    void metricsFromDifferentHoldOutsAreNotCompared() {
        assertThatThrownBy(() -> policy.decide(ndcg(HOLD_OUT, 0.9), Optional.of(ndcg("temporal:older", 0.1))))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("metrics.holdOut");
    }

    @Test
    void aMissingMetricIsNamed() {
        ModelMetrics recallOnly = new ModelMetrics(HOLD_OUT, Map.of("recall@10", 0.5));

        assertThatThrownBy(() -> policy.decide(recallOnly, Optional.empty()))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("metrics.ndcg@10");
        assertThatThrownBy(() -> policy.decide(ndcg(HOLD_OUT, 0.5), Optional.of(recallOnly)))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void aNegativeOrInfiniteMarginIsRefused() {
        assertThatThrownBy(() -> new PromotionPolicy("ndcg@10", -0.1)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new PromotionPolicy("ndcg@10", Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new PromotionPolicy(" ", 0.1)).isInstanceOf(InvalidFieldException.class);
    }

    private static ModelMetrics ndcg(String holdOut, double value) {
        return new ModelMetrics(holdOut, Map.of("ndcg@10", value));
    }
}
