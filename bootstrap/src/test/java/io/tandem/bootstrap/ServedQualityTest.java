package io.tandem.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CI case of {@code tandem bench quality} (issue #10): MovieLens 100K fold u1 (u1.base replayed, u1.test the
 * truth) through the HTTP API of a fresh embedded Tandem. What users are served must score as {@code tandem evaluate}
 * measures the same split (served/offline NDCG@10 at least 0.98): the train job and evaluate learn the ranker from
 * the same hold-out splits ({@code RankerHoldouts}), so the offline figure is that of the algorithm that serves. No
 * user may be recommended an item they already rated, and no answer may come from the fallback once the job said the
 * model is live. A correctness check, not a timing test; skipped, saying why, without the data set.
 */
class ServedQualityTest {

    /** {@code ../shared/data} beside the repository, as the command's default {@code --data-dir}. */
    private static final Path DATA = Path.of("").toAbsolutePath().getParent().resolveSibling("shared")
            .resolve("data");

    @Test
    void foldU1IsServedAsWellAsItIsMeasuredOfflineAndNeverRecommendsWhatAUserRated(@TempDir Path folder)
            throws Exception {
        assumeTrue(Files.isRegularFile(DATA.resolve("ml-100k/u1.base")), "skipped: the MovieLens 100K files are "
                + "not in " + DATA + " (put the ml-100k folder there to run the served-quality check)");
        Path json = folder.resolve("quality.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int exit = Application.commandLine(out).execute("bench", "quality",
                "--dataset", "ml-100k", "--protocol", "folds", "--fold", "u1", "--adapters", "embedded",
                "--data-dir", DATA.toString(), "--output", json.toString());
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertEquals(CommandLine.ExitCode.OK, exit, output);

        JsonNode run = new ObjectMapper().readTree(json.toFile()).path("runs").get(0);
        assertEquals("u1", run.path("split").asText());
        assertTrue(run.path("users").asInt() > 450, "every test user is asked: " + run);
        assertEquals(0, run.path("errors").asInt(), output);
        double served = run.path("served").path("ndcg@10").asDouble();
        double offline = run.path("offline").path("ndcg@10").asDouble();
        assertTrue(offline > 0.5, "the offline two-stage figure is computed on the split: " + offline);
        assertTrue(served >= 0.98 * offline, "served NDCG@10 " + served + " is below 0.98 x offline " + offline);
        assertEquals(0, run.path("already_seen_items").asInt(), "items already rated were recommended to "
                + run.path("already_seen_users").asInt() + " users");
        assertTrue(run.path("live_at_once").asBoolean(), "the first answer after the job succeeded was live: " + run);
        assertEquals(0, run.path("fallbacks").asInt(), "answers from the fallback after the model was live: " + run);
    }
}
