package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every expected value is worked out by hand in the comments. The shared case: a ranking of five items
 * {@code [7, 3, 9, 1, 4]} and relevant items {@code {3, 4, 8}} (item 8 was never recommended), so the hits are at
 * 1-based positions 2 and 5.
 */
class RankingMetricsTest {

    private static final int[] RANKING = {7, 3, 9, 1, 4};
    private static final RelevantItems RELEVANT = RelevantItems.of(3, 4, 8);
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_4 = 2.0;
    private static final double LOG2_6 = Math.log(6) / Math.log(2);

    @Test
    void precisionDividesHitsByK() {
        // k = 5: hits at 2 and 5 -> 2 / 5 = 0.4. k = 3: one hit (position 2) -> 1 / 3.
        assertThat(new Precision(5).of(RANKING, RELEVANT)).isCloseTo(0.4, within(1e-12));
        assertThat(new Precision(3).of(RANKING, RELEVANT)).isCloseTo(1.0 / 3, within(1e-12));
        // k larger than the list: still divided by k, 2 / 10.
        assertThat(new Precision(10).of(RANKING, RELEVANT)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void recallDividesHitsByTheRelevantCount() {
        // k = 5: 2 of 3 relevant items found -> 2 / 3. k = 1: item 7 is not relevant -> 0.
        assertThat(new Recall(5).of(RANKING, RELEVANT)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(new Recall(1).of(RANKING, RELEVANT)).isZero();
    }

    @Test
    void ndcgNormalisesByTheIdealListOfMinKAndRelevant() {
        // DCG@5 = 1/log2(2+1) + 1/log2(5+1) = 1/1.5850 + 1/2.5850 = 0.63093 + 0.38685 = 1.01778.
        // Ideal: min(5, 3) = 3 hits at the top: 1/log2(2) + 1/log2(3) + 1/log2(4) = 1 + 0.63093 + 0.5 = 2.13093.
        // NDCG@5 = 1.01778 / 2.13093 = 0.47762.
        double dcg = 1 / LOG2_3 + 1 / LOG2_6;
        double ideal = 1 + 1 / LOG2_3 + 1 / LOG2_4;
        assertThat(new Ndcg(5).of(RANKING, RELEVANT)).isCloseTo(dcg / ideal, within(1e-12))
                .isCloseTo(0.47762, within(1e-5));
        // k = 2: DCG = 1/log2(3) = 0.63093; ideal over min(2, 3) = 2: 1 + 0.63093 = 1.63093 -> 0.38685.
        assertThat(new Ndcg(2).of(RANKING, RELEVANT)).isCloseTo(0.38685, within(1e-5));
    }

    @Test
    void ndcgOfAPerfectListIsOneEvenWithFewerRelevantThanK() {
        // Relevant {3}: ranked first. DCG = 1, ideal over min(10, 1) = 1 position = 1 -> 1.
        assertThat(new Ndcg(10).of(new int[] {3, 5, 6}, RelevantItems.of(3))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void averagePrecisionNormalisesByMinKAndRelevant() {
        // Hits at 2 (precision 1/2) and 5 (precision 2/5): sum 0.5 + 0.4 = 0.9; min(5, 3) = 3 -> 0.3.
        assertThat(new AveragePrecision(5).of(RANKING, RELEVANT)).isCloseTo(0.3, within(1e-12));
        // k = 2: one hit at 2 -> 0.5; min(2, 3) = 2 -> 0.25.
        assertThat(new AveragePrecision(2).of(RANKING, RELEVANT)).isCloseTo(0.25, within(1e-12));
        // Relevant {7, 3} both at the top: (1/1 + 2/2) / min(5, 2) = 1.
        assertThat(new AveragePrecision(5).of(RANKING, RelevantItems.of(7, 3))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void reciprocalRankIsOneOverTheFirstHitWithinK() {
        // First hit at position 2 -> 1/2; with k = 1 the hit is out of reach -> 0.
        assertThat(new ReciprocalRank(5).of(RANKING, RELEVANT)).isCloseTo(0.5, within(1e-12));
        assertThat(new ReciprocalRank(1).of(RANKING, RELEVANT)).isZero();
    }

    @Test
    void hitRateIsOneWhenAnythingRelevantIsWithinK() {
        assertThat(new HitRate(2).of(RANKING, RELEVANT)).isEqualTo(1.0);
        assertThat(new HitRate(1).of(RANKING, RELEVANT)).isEqualTo(0.0);
    }

    @Test
    void namesCarryTheCutOff() {
        assertThat(new Precision(10).name()).isEqualTo("precision@10");
        assertThat(new AveragePrecision(10).name()).isEqualTo("map@10");
        assertThat(new ReciprocalRank(10).name()).isEqualTo("mrr@10");
        assertThat(new HitRate(5).name()).isEqualTo("hit_rate@5");
    }

    @Test
    void aCutOffBelowOneIsRefused() {
        assertThatThrownBy(() -> new Ndcg(0)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("k");
    }
}
