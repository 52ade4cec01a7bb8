package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.application.registry.port.in.RegisterModelVersionCommand;
import io.tandem.application.registry.port.in.RegisterModelVersionUseCase;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.StoreModelArtifactPort;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.application.training.port.out.ExportRankerPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ArtifactKey;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.TrainingWindow;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.ScoringModel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code train} end to end on embedded defaults: generated data through the real ingest path into the lake,
 * training through the use case and through {@code POST /v1/jobs}, the registry and artifact store as wired, the
 * stored ONNX artifact scored by ONNX Runtime, and promotion decided by the configured margin.
 */
class TrainingAcceptanceTest {

    private static final String MODEL = SyntheticLake.MODEL;
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void trainsFromTheLakeRegistersAScoringChampionAndPromotesOnlyChallengersThatWinByTheMargin() throws Exception {
        // One state folder for two runs of Tandem: lake, event log and registry outlive the first.
        Map<String, Object> state = new HashMap<>(TandemHttp.isolated());

        String first;
        Map<String, Object> strict = new HashMap<>(state);
        // NDCG is at most 1, so no challenger can beat a champion by more than 1.
        strict.put("tandem.training.promotion.margin", 1.0);
        try (TandemHttp tandem = TandemHttp.start(strict)) {
            SyntheticLake.load(tandem, 7L);

            TrainingReport report = SyntheticLake.train(tandem, 42L);

            first = report.version().version();
            assertThat(report.promoted()).as(report.summary()).isTrue();
            assertThat(report.promotion().decision().reason()).contains("no champion");
            JsonNode champion = versions(tandem).get(0);
            assertThat(champion.get("version").getStringValue()).isEqualTo(first);
            assertThat(champion.get("stage").getStringValue()).isEqualTo("champion");
            assertThat(champion.get("kind").getStringValue()).isEqualTo("ranker");
            assertThat(champion.get("holdOut").getStringValue()).startsWith("temporal:");
            assertThat(champion.get("metrics").get("ndcg@10").getDoubleValue()).isBetween(0.0, 1.0);
            // The store-relative key, never the store's own URI with the host's folders (ADR-0019).
            assertThat(champion.get("artifactUri").getStringValue()).isEqualTo("models/" + MODEL + "/" + first
                    + "/ranker.onnx");
            assertStoredArtifactScores(tandem, champion);

            // The job trains on the configured hold-out (the latest 10 %), another than the champion's: the
            // champion is measured there first, and the margin keeps it whatever the challenger scores.
            JsonNode job = runTrainJob(tandem);
            assertThat(job.get("progress").getDoubleValue()).isEqualTo(1.0);
            assertThat(job.get("message").getStringValue()).startsWith("registered " + MODEL + " v")
                    .contains("candidate", "by more than 1.000000");
            JsonNode versions = versions(tandem);
            assertThat(versions.size()).isEqualTo(2);
            assertThat(versions.get(0).get("stage").getStringValue()).isEqualTo("candidate");
            assertThat(versions.get(0).get("parent").getStringValue()).isEqualTo(first);
            assertThat(versions.get(0).get("holdOut").getStringValue())
                    .isNotEqualTo(versions.get(1).get("holdOut").getStringValue());
            assertThat(versions.get(1).get("stage").getStringValue()).isEqualTo("champion");
        }

        Map<String, Object> lenient = new HashMap<>(state);
        lenient.put("tandem.training.promotion.margin", 0.0);
        try (TandemHttp tandem = TandemHttp.start(lenient)) {
            // The same data, hold-out and seed give the same metrics: equal is not better, the champion stays.
            TrainingReport same = SyntheticLake.train(tandem, 42L);
            assertThat(same.version().metrics()).isEqualTo(same.champion().orElseThrow().metrics());
            assertThat(same.champion().orElseThrow().remeasured()).isFalse();
            assertThat(same.promoted()).as(same.summary()).isFalse();

            // A champion that ranks popular items last, measured on another hold-out: measured on the
            // challenger's, it loses, and the challenger takes its place.
            String weak = promoteReversedPopularityRanker(tandem, same.version().schema().orElseThrow());
            TrainingReport challenger = SyntheticLake.train(tandem, 42L);

            TrainingReport.ChampionMetrics measured = challenger.champion().orElseThrow();
            assertThat(measured.version()).isEqualTo(weak);
            assertThat(measured.remeasured()).isTrue();
            assertThat(measured.metrics().holdOut()).isEqualTo(challenger.version().metrics().holdOut());
            assertThat(measured.metrics().value("ndcg@10").getAsDouble())
                    .isLessThan(challenger.version().metrics().value("ndcg@10").getAsDouble());
            assertThat(challenger.promoted()).as(challenger.summary()).isTrue();
            JsonNode versions = versions(tandem);
            assertThat(versions.get(0).get("version").getStringValue()).isEqualTo(challenger.version().version());
            assertThat(versions.get(0).get("stage").getStringValue()).isEqualTo("champion");
            assertThat(stageOf(versions, weak)).isEqualTo("archived");
            assertThat(stageOf(versions, first)).isEqualTo("archived");
        }
    }

    private static URI registeredUri(TandemHttp tandem, String version) {
        return tandem.context().getBean(LoadModelVersionsPort.class).loadVersion(MODEL, version).orElseThrow()
                .artifactUri();
    }

    /** The stored artifact, read back by its registered URI, opens with the stored schema's width and scores rows. */
    private static void assertStoredArtifactScores(TandemHttp tandem, JsonNode version) {
        int width = version.get("schema").get("features").size();
        byte[] artifact = tandem.context().getBean(LoadModelArtifactPort.class)
                .load(registeredUri(tandem, version.get("version").getStringValue()));
        LoadScoringModelPort scoring = tandem.context().getBean(LoadScoringModelPort.class);
        int rows = 64;
        float[] features = new float[rows * width];
        SplittableRandom random = new SplittableRandom(3);
        for (int f = 0; f < features.length; f++) {
            // Ranks, scores and counts alike: spread over the ranges the trees split in.
            features[f] = (float) (random.nextDouble() * 60 - 10);
        }
        try (ScoringModel model = scoring.load(artifact, width)) {
            float[] scores = model.score(features, rows);
            assertThat(scores).hasSize(rows);
            Set<Float> distinct = new HashSet<>();
            for (float score : scores) {
                assertThat(Float.isFinite(score)).as("score %s", score).isTrue();
                distinct.add(score);
            }
            assertThat(distinct).hasSizeGreaterThan(1);
        }
        assertThatThrownBy(() -> scoring.load(artifact, width + 1)).isInstanceOf(InvalidFieldException.class);
    }

    /** {@code POST /v1/jobs {"type":"train"}}, then polls until the job ends; returns its last status. */
    private static JsonNode runTrainJob(TandemHttp tandem) throws InterruptedException {
        TandemHttp.Response accepted = tandem.postJson("/v1/jobs", "{\"type\":\"train\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String jobId = accepted.tree().get("jobId").getStringValue();
        Instant deadline = Instant.now().plus(JOB_TIMEOUT);
        List<Double> progress = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            TandemHttp.Response polled = tandem.get("/v1/jobs/" + jobId);
            assertThat(polled.status()).as(polled.body()).isEqualTo(200);
            JsonNode job = polled.tree();
            progress.add(job.get("progress").getDoubleValue());
            String status = job.get("status").getStringValue();
            if (status.equals("succeeded")) {
                assertThat(progress).isSorted();
                return job;
            }
            assertThat(status).as(polled.body()).isIn("queued", "running");
            Thread.sleep(200);
        }
        throw new AssertionError("the train job did not finish within " + JOB_TIMEOUT);
    }

    /**
     * Registers (stored metrics from another hold-out, flattering ones) and promotes by HTTP a ranker of
     * {@code schema} that scores items the higher the worse the popularity retriever ranks them.
     */
    private static String promoteReversedPopularityRanker(TandemHttp tandem, FeatureSchema schema) {
        String version = "reversed-popularity";
        int rank = schema.indexOf("popularity.rank");
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        for (int t = 1; t <= 200; t++) {
            trees.add(new TreeEnsemble.Tree(new int[] {rank, 0, 0}, new float[] {t + 0.5f, 0f, 0f},
                    new int[] {1, -1, -1}, new int[] {2, -1, -1}, new boolean[] {true, false, false},
                    new float[] {0f, 0f, 1f}));
        }
        byte[] artifact = tandem.context().getBean(ExportRankerPort.class)
                .export(new TreeEnsemble(schema.size(), 0.0, trees), schema);
        // Serving needs the retrievers beside the ranker: the champion's, since the schema is the same.
        URI championRanker = null;
        for (JsonNode known : versions(tandem).values()) {
            if (known.get("stage").getStringValue().equals("champion")) {
                championRanker = registeredUri(tandem, known.get("version").getStringValue());
            }
        }
        assertThat(championRanker).isNotNull();
        StoreModelArtifactPort store = tandem.context().getBean(StoreModelArtifactPort.class);
        store.store(new ArtifactKey(MODEL, version, "serving.bin"), boundTo(tandem.context()
                .getBean(LoadModelArtifactPort.class).load(championRanker.resolve("serving.bin")), artifact));
        URI uri = store.store(new ArtifactKey(MODEL, version, "ranker.onnx"), artifact);
        tandem.context().getBean(RegisterModelVersionUseCase.class).register(new RegisterModelVersionCommand(
                aVersion(MODEL, version).holdOut("temporal:hand-made").ndcg(0.99).schema(schema).artifact(uri)
                        .window(new TrainingWindow(Instant.parse("2026-01-01T00:00:00Z"),
                                Instant.parse("2026-01-02T00:00:00Z")))
                        .createdAt(Instant.now()).build()));
        TandemHttp.Response promoted = tandem.postJson("/v1/models/" + MODEL + "/versions/" + version + "/promote", "");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        return version;
    }

    /**
     * {@code bundle} recording {@code ranker}'s SHA-256 instead of its own ranker's, as serving refuses a ranker
     * the bundle beside it was not trained with: the digest is the 32 bytes after the magic and format, and a
     * CRC-32 of everything before them seals the last 8 bytes.
     */
    private static byte[] boundTo(byte[] bundle, byte[] ranker) {
        byte[] bound = bundle.clone();
        try {
            System.arraycopy(MessageDigest.getInstance("SHA-256").digest(ranker), 0, bound, 8, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CRC32 crc = new CRC32();
        crc.update(bound, 0, bound.length - 8);
        ByteBuffer.wrap(bound).putLong(bound.length - 8, crc.getValue());
        return bound;
    }

    private static JsonNode versions(TandemHttp tandem) {
        TandemHttp.Response response = tandem.get("/v1/models/" + MODEL + "/versions");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.tree().get("versions");
    }

    private static String stageOf(JsonNode versions, String version) {
        for (int v = 0; v < versions.size(); v++) {
            if (versions.get(v).get("version").getStringValue().equals(version)) {
                return versions.get(v).get("stage").getStringValue();
            }
        }
        throw new AssertionError("no version " + version);
    }
}
