package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.tandem.application.training.PromotionMode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem.training.promotion.mode}: training promotes unless it is set to {@code experiment}. */
class PromotionConfigurationTest {

    @Test
    void trainingPromotesByDefaultAndLeavesWinnersToExperimentsWhenSetSo() {
        try (ApplicationContext context = ApplicationContext.run(TandemHttp.isolated())) {
            assertThat(context.getBean(PromotionConfiguration.class).promotionMode()).isEqualTo(PromotionMode.OFFLINE);
        }
        Map<String, Object> properties = new HashMap<>(TandemHttp.isolated());
        properties.put("tandem.training.promotion.mode", "experiment");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            PromotionConfiguration promotion = context.getBean(PromotionConfiguration.class);
            assertThat(promotion.promotionMode()).isEqualTo(PromotionMode.EXPERIMENT);
            assertThat(promotion.metric()).isEqualTo("ndcg@10");
        }
    }
}
