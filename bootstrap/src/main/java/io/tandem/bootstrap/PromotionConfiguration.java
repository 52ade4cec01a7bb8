package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.domain.model.PromotionPolicy;

/**
 * {@code tandem.training.promotion.*}: a trained version replaces the champion only when its {@code metric}
 * (measured on the same hold-out) beats the champion's by more than {@code margin}.
 */
@ConfigurationProperties("tandem.training.promotion")
record PromotionConfiguration(@Bindable(defaultValue = "ndcg@10") String metric,
                              @Bindable(defaultValue = "0.0") double margin) {

    PromotionPolicy policy() {
        return new PromotionPolicy(metric, margin);
    }
}
