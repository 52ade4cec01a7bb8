package io.tandem.domain.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopItemsTest {

    @Test
    void picksTheBestScoresSkippingExcludedItemsAndBreakingTiesByIndex() {
        float[] scores = {0.5f, Float.NEGATIVE_INFINITY, 0.9f, 0.5f, Float.NaN, 0.7f};

        assertThat(TopItems.select(scores, 3)).containsExactly(2, 5, 0);
        assertThat(TopItems.select(scores, 10)).containsExactly(2, 5, 0, 3);
        assertThat(TopItems.select(scores, 0)).isEmpty();
    }
}
