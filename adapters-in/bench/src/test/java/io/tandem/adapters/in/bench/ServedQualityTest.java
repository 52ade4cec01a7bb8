package io.tandem.adapters.in.bench;

import io.tandem.domain.evaluation.Ndcg;
import io.tandem.domain.evaluation.RelevantItems;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ServedQualityTest {

    private static QualityClient.Answer answer(List<String> items, boolean fallback, String reason, long millis) {
        return new QualityClient.Answer(200, items, fallback ? Optional.empty() : Optional.of("v1"), fallback,
                Optional.ofNullable(reason), millis * 1_000_000, "");
    }

    @Test
    void metricsAreTheDomainsMeansOverTheUsersAsked() {
        ServedQuality served = new ServedQuality(3, 3, 10, 2);
        served.add(answer(List.of("a", "b", "c"), false, null, 5), new int[] {4, 1, 2}, new int[] {1, 7}, 0);
        served.add(answer(List.of("a", "b", "c"), false, null, 7), new int[] {0, 3, 5}, new int[] {9}, 0);

        double first = new Ndcg(3).of(new int[] {4, 1, 2}, RelevantItems.of(1, 7));
        assertThat(served.means().get("ndcg@3")).isCloseTo((first + 0.0) / 2, within(1e-12));
        assertThat(served.means().get("hit_rate@3")).isCloseTo(0.5, within(1e-12));
        assertThat(served.means().get("precision@3")).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(served.means().get("coverage")).isCloseTo(0.6, within(1e-12));
        assertThat(served.users()).isEqualTo(2);
        assertThat(served.latency().millis(100)).isEqualTo(7.0);
    }

    @Test
    void countsAlreadySeenItemsShortListsFallbacksUnknownItemsAndErrors() {
        ServedQuality served = new ServedQuality(10, 10, 100, 4);
        served.add(answer(List.of("a", "b"), false, null, 1), new int[] {1, 2}, new int[] {3}, 2);
        served.add(answer(List.of("x"), true, "no model", 1), new int[] {-1}, new int[] {3}, 0);
        served.add(answer(List.of("y"), true, "no model", 1), new int[] {5}, new int[] {3}, 1);
        served.add(new QualityClient.Answer(503, List.of(), Optional.empty(), false, Optional.empty(), 1, "down"),
                new int[0], new int[] {3}, 0);

        assertThat(served.alreadySeenItems()).isEqualTo(3);
        assertThat(served.alreadySeenUsers()).isEqualTo(2);
        assertThat(served.shortLists()).isEqualTo(3);
        assertThat(served.unknownItems()).isEqualTo(1);
        assertThat(served.fallbacks()).isEqualTo(2);
        assertThat(served.fallbackShare()).isEqualTo(0.5);
        assertThat(served.fallbackReasons()).containsEntry("no model", 2);
        assertThat(served.errors()).isEqualTo(1);
        assertThat(served.firstError()).contains("503", "down");
        assertThat(served.means().get("ndcg@10")).isZero();
    }
}
