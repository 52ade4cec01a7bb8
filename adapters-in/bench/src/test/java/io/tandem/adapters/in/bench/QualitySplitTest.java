package io.tandem.adapters.in.bench;

import io.tandem.adapters.shared.datasets.EvaluationSplits;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.Fold;
import io.tandem.domain.retrieval.InteractionLog;
import io.tandem.domain.retrieval.ItemFacets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualitySplitTest {

    /** Users u0, u1; items i0..i2 (i1 in "Drama"); u0 trained on i0 (t=20) and i1 (t=10), tested on i1, i2. */
    private static EvaluationSplits.Named named() {
        InteractionLog train = new InteractionLog(2, 3, new int[] {0, 0, 1}, new int[] {0, 1, 2},
                new float[] {4, 5, 1}, new long[] {20, 10, 30});
        InteractionLog test = new InteractionLog(2, 3, new int[] {0, 0, 1}, new int[] {1, 2, 2},
                new float[] {3, 3, 3}, new long[] {40, 40, 40});
        ItemFacets facets = new ItemFacets(List.of("Drama"), new int[][] {{}, {0}, {}},
                new long[] {ItemFacets.UNKNOWN_TIME, 86_400, ItemFacets.UNKNOWN_TIME});
        return new EvaluationSplits.Named(new EvaluationDataset("ml-100k", "folds", facets,
                List.of(new Fold(train, test))), List.of("u0", "u1"), List.of("i0", "i1", "i2"));
    }

    @Test
    void replaysTheTrainingPartInTimeOrderAndTheCatalogueWithItsFacets() {
        QualitySplit split = QualitySplit.of(named(), 0, "u1", "rating", "ml100k");

        assertThat(split.replayJson()).containsExactly(
                "{\"id\":\"ml100k-u0-i1\",\"type\":\"rating\",\"userId\":\"u0\",\"itemId\":\"i1\","
                        + "\"time\":\"1970-01-01T00:00:10Z\",\"value\":5}",
                "{\"id\":\"ml100k-u0-i0\",\"type\":\"rating\",\"userId\":\"u0\",\"itemId\":\"i0\","
                        + "\"time\":\"1970-01-01T00:00:20Z\",\"value\":4}",
                "{\"id\":\"ml100k-u1-i2\",\"type\":\"rating\",\"userId\":\"u1\",\"itemId\":\"i2\","
                        + "\"time\":\"1970-01-01T00:00:30Z\",\"value\":1}");
        assertThat(split.catalogJson()).containsExactly(
                "{\"itemId\":\"i0\",\"categories\":[],\"createdAt\":\"1970-01-01T00:00:00Z\"}",
                "{\"itemId\":\"i1\",\"categories\":[\"Drama\"],\"createdAt\":\"1970-01-02T00:00:00Z\"}",
                "{\"itemId\":\"i2\",\"categories\":[],\"createdAt\":\"1970-01-01T00:00:00Z\"}");
    }

    @Test
    void theTruthIsWhatAUserHadNotSeenAndOnlyThoseUsersAreAsked() {
        QualitySplit split = QualitySplit.of(named(), 0, "u1", "rating", "ml100k");

        assertThat(split.relevant(0)).containsExactly(2);
        assertThat(split.relevant(1)).isEmpty();
        assertThat(split.testUsers()).containsExactly(0);
        assertThat(split.seen(0, 1)).isTrue();
        assertThat(split.seen(0, 2)).isFalse();
        assertThat(split.seen(0, -1)).isFalse();
        assertThat(split.itemIndex("i2")).isEqualTo(2);
        assertThat(split.itemIndex("nope")).isEqualTo(-1);
        assertThat(split.offline().folds()).hasSize(1);
    }

    @Test
    void anEventsFileIsCutInTimeAndOnlyPositiveEventsAfterTheCutAreTheTruth(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("events.ndjson");
        Files.write(file, List.of(
                "{\"id\":\"e1\",\"type\":\"click\",\"userId\":\"a\",\"itemId\":\"x\",\"time\":\"2026-01-01T00:00:00Z\"}",
                "{\"id\":\"e2\",\"type\":\"impression\",\"userId\":\"a\",\"itemId\":\"y\",\"time\":\"2026-01-01T01:00:00Z\"}",
                "not json",
                "",
                "{\"id\":\"e3\",\"type\":\"purchase\",\"userId\":\"a\",\"itemId\":\"y\",\"time\":\"2026-01-03T00:00:00Z\"}",
                "{\"id\":\"e4\",\"type\":\"impression\",\"userId\":\"b\",\"itemId\":\"z\",\"time\":\"2026-01-03T00:00:00Z\"}",
                "{\"id\":\"e5\",\"type\":\"click\",\"userId\":\"a\",\"itemId\":\"x\",\"time\":\"2026-01-04T00:00:00Z\"}"));

        QualitySplit split = EventFileSplit.read(file, Instant.parse("2026-01-02T00:00:00Z"));

        assertThat(split.replayJson()).hasSize(2).allMatch(line -> line.contains("\"e1\"") || line.contains("\"e2\""));
        assertThat(split.rejectedLines()).isEqualTo(1);
        assertThat(split.itemCount()).isEqualTo(3);
        // a: x was clicked before the cut (seen), y only shown; after the cut y was bought: the truth is y alone.
        assertThat(split.testUsers()).containsExactly(0);
        assertThat(split.relevant(0)).containsExactly(split.itemIndex("y"));
        assertThat(split.seen(0, split.itemIndex("x"))).isTrue();
        assertThat(split.catalogJson().get(split.itemIndex("z"))).contains("\"createdAt\":\"2026-01-03T00:00:00Z\"");
    }
}
