package io.tandem.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tandem bench train} at a small scale (about 20,000 events) on the embedded adapters, as wired for users:
 * the run loads, trains and reports every stage, the hold-out evaluation measures the bounded sample of users it
 * was given and says so in the hold-out's name, and the version records the bounds (ADR-0029). A correctness
 * check of the harness and the bounds, not a timing test.
 */
class BenchTrainTest {

    @Test
    void aSmallRunReportsEveryStageAndMeasuresTheBoundedSampleOfHoldOutUsers(@TempDir Path folder)
            throws Exception {
        Path json = folder.resolve("train.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int exit = Application.commandLine(out).execute("bench", "train",
                "--events", "20000", "--items", "1500", "--users", "1500", "--seed", "3",
                "--set", "tandem.training.evaluation-users=100", "--output", json.toString());
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(exit).as(output).isEqualTo(CommandLine.ExitCode.OK);

        JsonNode run = new ObjectMapper().readTree(json.toFile());
        assertThat(run.path("events").asLong()).isBetween(18_000L, 22_000L);
        List<String> stages = new ArrayList<>();
        run.path("stages").forEach(stage -> stages.add(stage.path("stage").asText()));
        assertThat(stages).contains("reading the lake", "recency", "training the ranker", "training the retrievers",
                "hold-out evaluation", "refit, training the ranker", "registering", "promotion");
        assertThat(run.path("evaluated_users").asInt()).isEqualTo(100);
        assertThat(run.path("hold_out").asText()).contains(";users=100-of-", ";seed=3");
        assertThat(run.path("metadata").path("hold-out.users").asText()).isEqualTo("100");
        assertThat(run.path("metrics").path("ndcg@10").asDouble()).isGreaterThan(0.0);
        assertThat(run.path("train_cpu_seconds").asDouble()).isPositive();
        assertThat(run.path("peak_heap_mb").asLong()).isPositive();
        assertThat(output).contains("hold-out evaluation: ", "of 100 users ranked");
    }
}
