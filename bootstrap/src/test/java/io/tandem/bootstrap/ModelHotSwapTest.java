package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.application.registry.port.out.ChangeModelStagesPort;
import io.tandem.application.serving.ServingModels;
import io.tandem.bootstrap.HotSwapFixture.Answer;
import io.tandem.bootstrap.HotSwapFixture.RecommendationLoad;
import io.tandem.domain.model.ModelRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.tandem.bootstrap.HotSwapFixture.ARTIFACT_FILE;
import static io.tandem.bootstrap.HotSwapFixture.BUNDLE_FILE;
import static io.tandem.bootstrap.HotSwapFixture.MODEL;
import static io.tandem.bootstrap.HotSwapFixture.POLL_INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Champion swaps on a running instance (embedded defaults, two trained versions): promotions and a rollback under
 * concurrent recommendation load answer every request from a whole model, never the fallback; versions with broken
 * artifacts are refused and the champion keeps serving; a champion changed by another instance is picked up by the
 * registry polling.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ModelHotSwapTest {

    private static final int CLIENTS = 8;
    /** Answers to wait for after a change, so every client is answered by the new model several times over. */
    private static final int ANSWERS_AFTER_CHANGE = 50;

    private static HotSwapFixture fixture;
    private static String first;
    private static String second;

    @BeforeAll
    static void start() throws Exception {
        fixture = HotSwapFixture.start();
        first = fixture.first();
        second = fixture.second();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Each test starts with the first version as the registry's champion and served. */
    @BeforeEach
    void firstVersionServes() throws InterruptedException {
        TandemHttp.Response promoted = fixture.promote(first);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        fixture.awaitServed(first);
    }

    @Test
    void promotionsUnderConcurrentLoadSwapTheServedModelWithoutOneFailedOrFallbackAnswer() throws Exception {
        List<String> targets = List.of(second, first, second, first, second, first);
        List<Swap> swaps = new ArrayList<>();
        List<Answer> answers;
        try (RecommendationLoad load = fixture.startLoad(CLIENTS)) {
            awaitMoreAnswers(load, ANSWERS_AFTER_CHANGE);
            String previous = first;
            for (String target : targets) {
                long sent = System.nanoTime();
                TandemHttp.Response promoted = fixture.promote(target);
                long returned = System.nanoTime();
                assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
                JsonNode change = promoted.tree();
                assertThat(change.get("champion").get("version").getStringValue()).isEqualTo(target);
                assertThat(change.get("archived").get("version").getStringValue()).isEqualTo(previous);
                fixture.awaitServed(target);
                swaps.add(new Swap(previous, target, sent, returned));
                awaitMoreAnswers(load, ANSWERS_AFTER_CHANGE);
                previous = target;
            }
            answers = load.stop();
        }

        assertEveryAnswerServedByTheModel(answers, Set.of(first, second));
        long swapsFrom = swaps.get(0).sent();
        long swapsTo = swaps.get(swaps.size() - 1).returned();
        assertThat(answers.stream().filter(a -> a.overlaps(swapsFrom, swapsTo)).count())
                .as("answers while the versions were being swapped").isGreaterThan(200);
        assertAllServedBy(answers.stream().filter(a -> a.answeredAt() < swapsFrom).toList(),
                "answers before the first promotion", first);
        for (int k = 0; k < swaps.size(); k++) {
            Swap swap = swaps.get(k);
            long until = k + 1 < swaps.size() ? swaps.get(k + 1).sent() : Long.MAX_VALUE;
            // A promotion on this instance swaps before it answers: nothing sent after is served by the old model.
            assertAllServedBy(answers.stream().filter(a -> a.within(swap.returned(), until)).toList(),
                    "answers sent after the promotion of " + swap.to() + " returned, before the next one", swap.to());
            // Requests in flight during the swap finished, on one model or the other.
            assertAllServedBy(answers.stream().filter(a -> a.overlaps(swap.sent(), swap.returned())).toList(),
                    "answers in flight while " + swap.to() + " replaced " + swap.from(), swap.from(), swap.to());
        }
        assertThat(fixture.bean(ServingModels.class).status().serving()).contains(new ModelRef(MODEL, first));
    }

    @Test
    void rollbackReturnsServingAndTheRegistryToThePreviousChampion() throws Exception {
        List<Answer> answers;
        long rolledBack;
        try (RecommendationLoad load = fixture.startLoad(CLIENTS)) {
            TandemHttp.Response promoted = fixture.promote(second);
            assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
            fixture.awaitServed(second);
            assertThat(fixture.stageOf(second)).isEqualTo("champion");
            assertThat(fixture.stageOf(first)).isEqualTo("archived");
            awaitMoreAnswers(load, ANSWERS_AFTER_CHANGE);

            TandemHttp.Response rollback = fixture.rollback();
            rolledBack = System.nanoTime();

            assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
            assertThat(rollback.tree().get("champion").get("version").getStringValue()).isEqualTo(first);
            assertThat(rollback.tree().get("archived").get("version").getStringValue()).isEqualTo(second);
            fixture.awaitServed(first);
            awaitMoreAnswers(load, ANSWERS_AFTER_CHANGE);
            answers = load.stop();
        }

        assertThat(fixture.stageOf(first)).isEqualTo("champion");
        assertThat(fixture.stageOf(second)).isEqualTo("archived");
        assertEveryAnswerServedByTheModel(answers, Set.of(first, second));
        assertThat(answers).filteredOn(a -> a.version().equals(Optional.of(second)))
                .as("answers by the promoted version before the rollback").isNotEmpty();
        assertAllServedBy(answers.stream().filter(a -> a.sentAt() > rolledBack).toList(),
                "answers sent after the rollback returned", first);
    }

    @Test
    void refusesToPromoteAVersionWhoseServingBundleIsCorruptAndKeepsServingTheChampion() throws Exception {
        fixture.registerWithCorruptBundle("corrupt-bundle");

        assertRefusedWhileTheChampionServes("corrupt-bundle", BUNDLE_FILE, "corrupt");
    }

    @Test
    void refusesToPromoteAVersionWithoutARankerAndKeepsServingTheChampion() throws Exception {
        fixture.registerWithoutRanker("no-ranker");

        assertRefusedWhileTheChampionServes("no-ranker", "no-ranker", "cannot be read", ARTIFACT_FILE);
    }

    @Test
    void refusesToPromoteAVersionWhoseRankerWasAlteredButStillParsesAndKeepsServingTheChampion() throws Exception {
        fixture.registerWithAlteredRanker("altered-ranker");

        assertRefusedWhileTheChampionServes("altered-ranker", "altered-ranker", MODEL, ARTIFACT_FILE,
                "does not match the checksum recorded at training");
    }

    @Test
    void refusesToPromoteAVersionWithATruncatedRankerAndKeepsServingTheChampion() throws Exception {
        fixture.registerWithTruncatedRanker("truncated-ranker");

        assertRefusedWhileTheChampionServes("truncated-ranker", "truncated-ranker", MODEL, ARTIFACT_FILE);
    }

    @Test
    void refusesToRollBackToAPreviousChampionThatCannotServeAndKeepsTheChampion() throws Exception {
        fixture.registerWithCorruptBundle("broken-previous");
        // Champion for a moment through the registry's store (this instance refuses to serve it), then replaced by
        // the first version again: a rollback would now restore it.
        fixture.bean(ChangeModelStagesPort.class).promote(MODEL, "broken-previous");
        TandemHttp.Response promoted = fixture.promote(first);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.tree().get("archived").get("version").getStringValue()).isEqualTo("broken-previous");
        ServingModels serving = fixture.bean(ServingModels.class);
        List<Answer> answers;
        try (RecommendationLoad load = fixture.startLoad(CLIENTS)) {
            awaitMoreAnswers(load, ANSWERS_AFTER_CHANGE);

            TandemHttp.Response refused = fixture.rollback();

            assertArtifactProblem(refused, "broken-previous", MODEL, BUNDLE_FILE, "corrupt");
            Thread.sleep(POLL_INTERVAL.multipliedBy(3).toMillis());
            answers = load.stop();
        }

        assertThat(fixture.champion()).isEqualTo(first);
        assertThat(fixture.stageOf("broken-previous")).isEqualTo("archived");
        assertAllServedBy(answers, "answers meanwhile", first);
        assertThat(serving.status().serving()).contains(new ModelRef(MODEL, first));
        assertThat(serving.status().problem()).as("nothing refused once the champion is the served one again")
                .isEmpty();
        // The champion history is as before the refusal: asking again is refused again, for the same reason.
        assertArtifactProblem(fixture.rollback(), "broken-previous", MODEL, BUNDLE_FILE, "corrupt");
        assertThat(fixture.champion()).isEqualTo(first);
    }

    @Test
    void picksUpAChampionPromotedBehindItsBackWithoutRestart() throws Exception {
        List<Answer> answers;
        long pickedUp;
        Duration lag;
        try (RecommendationLoad load = fixture.startLoad(CLIENTS)) {
            awaitMoreAnswers(load, ANSWERS_AFTER_CHANGE);
            // As another instance would: through the registry's store, so this instance learns it only by polling.
            fixture.bean(ChangeModelStagesPort.class).promote(MODEL, second);

            lag = fixture.awaitServed(second);
            pickedUp = System.nanoTime();
            awaitMoreAnswers(load, ANSWERS_AFTER_CHANGE);
            answers = load.stop();
        }

        assertThat(lag).as("picked up after %s ms with a %s poll interval", lag.toMillis(), POLL_INTERVAL)
                .isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertEveryAnswerServedByTheModel(answers, Set.of(first, second));
        assertThat(answers).filteredOn(a -> a.version().equals(Optional.of(first)))
                .as("answers by the first version before the change").isNotEmpty();
        assertAllServedBy(answers.stream().filter(a -> a.sentAt() > pickedUp).toList(),
                "answers sent after the change was picked up", second);
        assertThat(fixture.bean(ServingModels.class).status().serving()).contains(new ModelRef(MODEL, second));
    }

    @Test
    void keepsServingWhenAChampionPromotedBehindItsBackCannotLoad() throws Exception {
        fixture.registerWithCorruptBundle("corrupt-elsewhere");

        assertPollingRefusesWhileTheChampionServes("corrupt-elsewhere", BUNDLE_FILE, "corrupt");
    }

    @Test
    void keepsServingWhenAChampionPromotedBehindItsBackHasAnAlteredRanker() throws Exception {
        fixture.registerWithAlteredRanker("altered-elsewhere");

        assertPollingRefusesWhileTheChampionServes("altered-elsewhere", ARTIFACT_FILE,
                "does not match the checksum recorded at training");
    }

    @Test
    void keepsServingWhenAChampionPromotedBehindItsBackHasATruncatedRanker() throws Exception {
        fixture.registerWithTruncatedRanker("truncated-elsewhere");

        assertPollingRefusesWhileTheChampionServes("truncated-elsewhere", ARTIFACT_FILE);
    }

    /**
     * Makes {@code version} champion through the registry's store under load, as another instance would: the
     * polling refuses it with a status problem saying why, and the champion served before keeps serving.
     */
    private static void assertPollingRefusesWhileTheChampionServes(String version, String... problemMentions)
            throws InterruptedException {
        ServingModels serving = fixture.bean(ServingModels.class);
        List<Answer> answers;
        try (RecommendationLoad load = fixture.startLoad(CLIENTS)) {
            fixture.bean(ChangeModelStagesPort.class).promote(MODEL, version);

            long deadline = System.nanoTime() + HotSwapFixture.SWAP_WITHIN.toNanos();
            while (serving.status().problem().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(serving.status().problem()).as("the polling found the new champion and refused it")
                    .hasValueSatisfying(p -> {
                        assertThat(p).contains(version).contains(problemMentions);
                        assertNoStoreLocation(p);
                    });
            // Several more polls: the refused champion is not retried into a failure.
            Thread.sleep(POLL_INTERVAL.multipliedBy(3).toMillis());
            answers = load.stop();
        }

        assertThat(fixture.champion()).isEqualTo(version);
        assertAllServedBy(answers, "answers meanwhile", first);
        assertThat(serving.status().serving()).contains(new ModelRef(MODEL, first));
    }

    /**
     * Promotes {@code version} by HTTP under load: a 400 problem naming {@code artifact} whose detail says what
     * is wrong, the registry's champion unchanged, and every answer meanwhile from the champion.
     */
    private static void assertRefusedWhileTheChampionServes(String version, String... detailMentions)
            throws InterruptedException {
        List<Answer> answers;
        try (RecommendationLoad load = fixture.startLoad(CLIENTS)) {
            awaitMoreAnswers(load, ANSWERS_AFTER_CHANGE);
            TandemHttp.Response refused = fixture.promote(version);

            assertArtifactProblem(refused, detailMentions);
            // The polling reads the unchanged registry meanwhile: nothing to swap.
            Thread.sleep(POLL_INTERVAL.multipliedBy(3).toMillis());
            answers = load.stop();
        }

        assertThat(fixture.champion()).isEqualTo(first);
        assertThat(fixture.stageOf(version)).isEqualTo("candidate");
        assertAllServedBy(answers, "answers meanwhile", first);
        assertThat(fixture.bean(ServingModels.class).status().serving()).contains(new ModelRef(MODEL, first));
    }

    /**
     * A 400 problem naming {@code artifact} whose detail says what is wrong in the model's own terms: it mentions
     * {@code detailMentions} and neither a stack trace nor where the artifact store keeps its files.
     */
    private static void assertArtifactProblem(TandemHttp.Response refused, String... detailMentions) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.tree();
        assertThat(problem.get("status").getIntValue()).isEqualTo(400);
        assertThat(problem.get("field").getStringValue()).as(refused.body()).isEqualTo("artifact");
        assertThat(problem.get("title").getStringValue()).isNotBlank();
        assertThat(problem.get("detail").getStringValue()).contains(detailMentions);
        assertNoStoreLocation(problem.get("detail").getStringValue());
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    /** {@code text} names neither the artifact store's folder nor any of its URIs. */
    private static void assertNoStoreLocation(String text) {
        assertThat(text).doesNotContain(fixture.storeLocation()).doesNotContain("file:").doesNotContain("s3:");
    }

    /** Every answer a 200 from one of {@code versions}, none from the fallback. */
    private static void assertEveryAnswerServedByTheModel(List<Answer> answers, Set<String> versions) {
        assertThat(answers).as("answers").hasSizeGreaterThan(CLIENTS);
        assertAllServedBy(answers, "answers", versions.toArray(String[]::new));
    }

    /** {@code answers} is not empty and each is a 200 from one of {@code versions}, none from the fallback. */
    private static void assertAllServedBy(List<Answer> answers, String description, String... versions) {
        assertThat(answers).as(description).isNotEmpty();
        assertThat(answers).filteredOn(a -> Arrays.stream(versions).noneMatch(a::servedBy))
                .as("%s that failed, came from the fallback or not from %s", description, List.of(versions))
                .isEmpty();
    }

    /** Waits until {@code count} more answers came in, at most {@link HotSwapFixture#SWAP_WITHIN}. */
    private static void awaitMoreAnswers(RecommendationLoad load, int count) throws InterruptedException {
        int target = load.answered() + count;
        long deadline = System.nanoTime() + HotSwapFixture.SWAP_WITHIN.toNanos();
        while (load.answered() < target && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(load.answered()).as("answers so far, %s more expected within %s", count,
                HotSwapFixture.SWAP_WITHIN).isGreaterThanOrEqualTo(target);
    }

    /** One promotion: which version replaced which, and when it was sent and answered ({@link System#nanoTime}). */
    private record Swap(String from, String to, long sent, long returned) {
    }
}
