package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.application.training.PromotionMode;
import io.tandem.domain.model.PromotionPolicy;

import java.util.Locale;

/**
 * {@code tandem.training.promotion.*}: a trained version replaces the champion only when its {@code metric}
 * (measured on the same hold-out) beats the champion's by more than {@code margin}. {@code mode} says who promotes a
 * version that does: {@code offline}, training itself, or {@code experiment}, which leaves it as a candidate for an
 * experiment to decide (ADR-0026, amended).
 */
@ConfigurationProperties("tandem.training.promotion")
record PromotionConfiguration(@Bindable(defaultValue = "ndcg@10") String metric,
                              @Bindable(defaultValue = "0.0") double margin,
                              @Bindable(defaultValue = "offline") String mode) {

    /** Who promotes a version that passes the offline gate. */
    PromotionMode promotionMode() {
        return PromotionMode.of(mode == null ? "" : mode.strip().toLowerCase(Locale.ROOT));
    }

    PromotionPolicy policy() {
        return new PromotionPolicy(metric, margin);
    }
}
