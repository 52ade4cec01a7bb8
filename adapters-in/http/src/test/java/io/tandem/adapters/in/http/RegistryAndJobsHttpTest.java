package io.tandem.adapters.in.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tandem.application.jobs.FindJobService;
import io.tandem.application.jobs.JobRunner;
import io.tandem.application.jobs.ListJobsService;
import io.tandem.application.jobs.StartJobService;
import io.tandem.application.jobs.port.in.FindJobUseCase;
import io.tandem.application.jobs.port.in.ListJobsUseCase;
import io.tandem.application.jobs.port.in.StartJobUseCase;
import io.tandem.application.jobs.port.out.LoadJobsPort;
import io.tandem.application.jobs.port.out.SaveJobPort;
import io.tandem.application.experiment.port.in.ListModelDecisionsUseCase;
import io.tandem.application.registry.port.in.ListModelVersionsUseCase;
import io.tandem.application.registry.port.in.ListModelsUseCase;
import io.tandem.application.registry.port.in.PromoteModelVersionUseCase;
import io.tandem.application.registry.port.in.RollbackModelUseCase;
import io.tandem.domain.experiment.decision.DecisionOutcome;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.experiment.decision.VariantEvidence;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobType;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.TrainingWindow;
import io.tandem.domain.model.RegisteredModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry and jobs endpoints over real HTTP, on fake registry use cases and a real job runner whose
 * {@code pipeline} body waits for the test and whose {@code train} body succeeds at once.
 */
class RegistryAndJobsHttpTest {

    private static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");
    private static final ModelVersion V1 = version("v1", ModelStage.ARCHIVED, Optional.empty());
    private static final ModelVersion V2 = version("v2", ModelStage.CHAMPION, Optional.of("v1"));

    /** An experiment's decision about v2 with its evidence; a difference no look measured is written as null. */
    private static final ExperimentDecision DECISION = new ExperimentDecision("ab-1", new ModelRef("ranker", "v2"),
            DecisionOutcome.PROMOTED, CREATED.plusSeconds(60), PrimaryMetric.CLICK_THROUGH_RATE,
            new VariantEvidence("a", 300, 1_500, 0.2, new Interval(0.18, 0.22), 9.5, 0.0),
            new VariantEvidence("b", 310, 1_550, 0.5, Interval.EVERYTHING, 9.9, 0.01), OptionalDouble.of(0.3),
            new Interval(0.25, Double.POSITIVE_INFINITY), 0.001, 3, 0.6, false, true, true, "won online");
    private static final CountDownLatch RELEASE_PIPELINE = new CountDownLatch(1);
    private static final ExecutorService JOB_THREAD = JobRunner.newJobExecutor();
    private static final JobStore JOBS = new JobStore();
    private static final AtomicInteger JOB_IDS = new AtomicInteger();

    private static ApplicationContext context;
    private static EmbeddedServer server;
    private static JsonMapper json;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().properties(Map.of("micronaut.server.port", -1,
                "micronaut.executors.serving.type", "fixed")).build();
        context.registerSingleton(ListModelsUseCase.class, query -> List.of(
                new RegisteredModel("ranker", ModelKind.RANKER, 2, Optional.of("v2"), "v2", CREATED),
                new RegisteredModel("popular", ModelKind.RETRIEVER, 1, Optional.empty(), "p1", CREATED)));
        context.registerSingleton(ListModelVersionsUseCase.class, query -> {
            if (!query.name().equals("ranker")) {
                throw ModelNotFoundException.unknownModel(query.name());
            }
            return List.of(V2, V1);
        });
        context.registerSingleton(ListModelDecisionsUseCase.class, query -> query.model().equals("ranker")
                ? List.of(DECISION) : List.of());
        context.registerSingleton(PromoteModelVersionUseCase.class, command -> {
            if (!command.name().equals("ranker")) {
                throw ModelNotFoundException.unknownModel(command.name());
            }
            if (!command.version().equals("v2")) {
                throw ModelNotFoundException.unknownVersion(command.name(), command.version());
            }
            return new ChampionChange(V2, Optional.of(V1));
        });
        context.registerSingleton(RollbackModelUseCase.class, command -> {
            if (command.name().equals("fresh")) {
                throw ModelConflictException.noPreviousChampion(command.name());
            }
            return new ChampionChange(V1.withStage(ModelStage.CHAMPION), Optional.of(V2.withStage(ModelStage.ARCHIVED)));
        });
        JobRunner runner = new JobRunner(Map.of(
                JobType.PIPELINE, progress -> {
                    progress.report(0.5, "building feature tables");
                    awaitRelease();
                    return "pipeline done";
                },
                JobType.TRAIN, progress -> "trained ranker v3"),
                JOBS, JOBS, JOB_THREAD, Clock.fixed(CREATED, ZoneOffset.UTC), () -> "job-" + JOB_IDS.incrementAndGet());
        context.registerSingleton(StartJobUseCase.class, new StartJobService(runner));
        context.registerSingleton(FindJobUseCase.class, new FindJobService(runner, JOBS));
        context.registerSingleton(ListJobsUseCase.class, new ListJobsService(runner, JOBS));
        context.start();
        server = context.getBean(EmbeddedServer.class).start();
        json = context.getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        RELEASE_PIPELINE.countDown();
        JOB_THREAD.shutdownNow();
        if (context != null) {
            context.close();
        }
    }

    @Test
    void listsModelsWithTheirChampion() throws Exception {
        Reply reply = get("/v1/models");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode models = reply.tree().get("models");
        assertThat(models.size()).isEqualTo(2);
        assertThat(models.get(0).get("name").getStringValue()).isEqualTo("ranker");
        assertThat(models.get(0).get("kind").getStringValue()).isEqualTo("ranker");
        assertThat(models.get(0).get("champion").getStringValue()).isEqualTo("v2");
        assertThat(models.get(0).get("versions").getIntValue()).isEqualTo(2);
        assertThat(models.get(1).get("champion").isNull()).isTrue();
        assertThat(models.get(1).get("latestCreatedAt").getStringValue()).isEqualTo("2026-11-20T10:00:00Z");
    }

    @Test
    void listsTheVersionsOfAModelWithEveryField() throws Exception {
        Reply reply = get("/v1/models/ranker/versions");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode versions = reply.tree().get("versions");
        JsonNode v2 = versions.get(0);
        assertThat(v2.get("version").getStringValue()).isEqualTo("v2");
        assertThat(v2.get("stage").getStringValue()).isEqualTo("champion");
        assertThat(v2.get("holdOut").getStringValue()).isEqualTo("temporal:2026-11-01..2026-11-08");
        assertThat(v2.get("metrics").get("ndcg@10").getDoubleValue()).isEqualTo(0.41);
        assertThat(v2.get("schema").get("features").get(1).getStringValue()).isEqualTo("seen");
        // The store-relative key, never the host path of the store (ADR-0019).
        assertThat(v2.get("artifactUri").getStringValue()).isEqualTo("models/ranker/v2/model.onnx");
        assertThat(v2.get("trainingWindow").get("to").getStringValue()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(v2.get("parent").getStringValue()).isEqualTo("v1");
        assertThat(versions.get(1).get("parent").isNull()).isTrue();
        JsonNode decision = v2.get("decisions").get(0);
        assertThat(decision.get("experiment").getStringValue()).isEqualTo("ab-1");
        assertThat(decision.get("outcome").getStringValue()).isEqualTo("promoted");
        assertThat(decision.get("control").get("metricLow").getDoubleValue()).isEqualTo(0.18);
        assertThat(decision.get("challenger").get("metricHigh").isNull()).as("unbounded").isTrue();
        assertThat(decision.get("difference").getDoubleValue()).isEqualTo(0.3);
        assertThat(decision.get("alwaysValidHigh").isNull()).isTrue();
        assertThat(decision.get("offlineGatePassed").getBooleanValue()).isTrue();
        assertThat(versions.get(1).get("decisions").size()).as("none about v1").isZero();
    }

    @Test
    void unknownModelsAndVersionsAreNotFoundNamingTheField() throws Exception {
        assertProblem(get("/v1/models/nothing/versions"), 404, "name");
        assertProblem(post("/v1/models/ranker/versions/v9/promote", ""), 404, "version");
        assertProblem(post("/v1/models/nothing/versions/v2/promote", ""), 404, "name");
        assertProblem(get("/v1/models/bad..name%20x/versions"), 400, "name");
    }

    @Test
    void promotionAndRollbackAnswerTheChampionAndTheArchivedVersion() throws Exception {
        Reply promoted = post("/v1/models/ranker/versions/v2/promote", "");

        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.tree().get("champion").get("version").getStringValue()).isEqualTo("v2");
        assertThat(promoted.tree().get("archived").get("version").getStringValue()).isEqualTo("v1");

        Reply rolledBack = post("/v1/models/ranker/rollback", "");

        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.tree().get("champion").get("stage").getStringValue()).isEqualTo("champion");
        assertThat(rolledBack.tree().get("champion").get("version").getStringValue()).isEqualTo("v1");
    }

    @Test
    void aRollbackWithoutAPreviousChampionIsAConflict() throws Exception {
        assertProblem(post("/v1/models/fresh/rollback", ""), 409, "name");
    }

    @Test
    void jobsAreAcceptedOneAtATimeAndTheirStatusIsReadable() throws Exception {
        Reply accepted = post("/v1/jobs", "{\"type\":\"pipeline\"}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String jobId = accepted.tree().get("jobId").getStringValue();
        assertThat(accepted.location()).contains("/v1/jobs/" + jobId);

        JsonNode running = awaitStatus(jobId, "running");
        assertThat(running.get("type").getStringValue()).isEqualTo("pipeline");
        assertThat(running.get("progress").getDoubleValue()).isEqualTo(0.5);
        assertThat(running.get("message").getStringValue()).isEqualTo("building feature tables");
        assertThat(running.get("startedAt").getStringValue()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(running.get("finishedAt").isNull()).isTrue();

        Reply busy = post("/v1/jobs", "{\"type\":\"train\"}");
        assertProblem(busy, 409, "type");
        assertThat(busy.location()).contains("/v1/jobs/" + jobId);

        RELEASE_PIPELINE.countDown();
        JsonNode done = awaitStatus(jobId, "succeeded");
        assertThat(done.get("progress").getDoubleValue()).isEqualTo(1.0);
        assertThat(done.get("message").getStringValue()).isEqualTo("pipeline done");
        assertThat(done.get("finishedAt").getStringValue()).isEqualTo("2026-11-20T10:00:00Z");

        Reply next = post("/v1/jobs", "{\"type\":\"train\"}");
        assertThat(next.status()).isEqualTo(202);
        assertThat(awaitStatus(next.tree().get("jobId").getStringValue(), "succeeded").get("message")
                .getStringValue()).isEqualTo("trained ranker v3");
    }

    @Test
    void recentJobsAreListedNewestFirstUpToTheLimit() throws Exception {
        // Later than any job the other tests start (their clock stands at CREATED).
        Instant later = CREATED.plus(Duration.ofDays(1));
        Job older = Job.queued("list-older", JobType.TRAIN, later).started(later)
                .succeeded(later.plusSeconds(30), "registered two-stage v7; live on this instance");
        Job newer = Job.queued("list-newer", JobType.TRAIN, later.plusSeconds(60)).started(later.plusSeconds(61))
                .failed(later.plusSeconds(62), "failed: barrier: the lake archiver did not write every event");
        JOBS.saveJob(older);
        JOBS.saveJob(newer);

        Reply two = get("/v1/jobs?limit=2");
        assertThat(two.status()).as(two.body()).isEqualTo(200);
        assertThat(two.contentType()).startsWith("application/json");
        JsonNode jobs = two.tree().get("jobs");
        assertThat(jobs.size()).isEqualTo(2);
        assertThat(jobs.get(0).get("jobId").getStringValue()).isEqualTo("list-newer");
        assertThat(jobs.get(0).get("status").getStringValue()).isEqualTo("failed");
        assertThat(jobs.get(0).get("message").getStringValue()).startsWith("failed: barrier");
        assertThat(jobs.get(1).get("jobId").getStringValue()).isEqualTo("list-older");
        assertThat(jobs.get(1).get("finishedAt").getStringValue()).isEqualTo(later.plusSeconds(30).toString());

        Reply one = get("/v1/jobs?limit=1");
        assertThat(one.tree().get("jobs").size()).isEqualTo(1);
        Reply byDefault = get("/v1/jobs");
        assertThat(byDefault.status()).isEqualTo(200);
        assertThat(byDefault.tree().get("jobs").get(0).get("jobId").getStringValue()).isEqualTo("list-newer");
    }

    @Test
    void aBadListLimitIsAProblemNamingIt() throws Exception {
        for (String limit : List.of("0", "101", "-1", "%205", "5%20", "ten", "1.5", "99999999999")) {
            assertProblem(get("/v1/jobs?limit=" + limit), 400, "limit");
        }
    }

    @Test
    void badJobRequestsAreProblemsNamingTheField() throws Exception {
        assertProblem(post("/v1/jobs", "{\"type\":\"evaluate\"}"), 400, "type");
        assertProblem(post("/v1/jobs", "{\"type\":7}"), 400, "type");
        assertProblem(post("/v1/jobs", "{}"), 400, "type");
        assertProblem(post("/v1/jobs", "[\"pipeline\"]"), 400, "body");
        assertProblem(post("/v1/jobs", "{\"type\":"), 400, "body");
        assertProblem(get("/v1/jobs/no-such-job"), 404, "id");
    }

    private static JsonNode awaitStatus(String jobId, String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            Reply reply = get("/v1/jobs/" + jobId);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            job = reply.tree();
            if (job.get("status").getStringValue().equals(status)) {
                return job;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + jobId + " never reached " + status + "; last seen " + job);
    }

    private static void assertProblem(Reply reply, int status, String field) throws IOException {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.tree().get("status").getIntValue()).isEqualTo(status);
        assertThat(reply.tree().get("field").getStringValue()).isEqualTo(field);
        assertThat(reply.tree().get("detail").getStringValue()).isNotBlank();
    }

    private static Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static Reply post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static URI uri(String path) {
        return URI.create(server.getURL().toString() + path);
    }

    private static Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location"), response.body());
    }

    private static void awaitRelease() {
        try {
            if (!RELEASE_PIPELINE.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the pipeline");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ModelVersion version(String version, ModelStage stage, Optional<String> parent) {
        return aVersion("ranker", version).stage(stage).holdOut("temporal:2026-11-01..2026-11-08").ndcg(0.41)
                .metric("recall@10", 0.3).schema(new FeatureSchema("s1", List.of("popularity", "seen")))
                .artifact("file:///var/tandem/models/ranker/" + version + "/model.onnx")
                .window(new TrainingWindow(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")))
                .parent(parent).createdAt(CREATED).build();
    }

    /** One HTTP answer as a client sees it. */
    private record Reply(int status, String contentType, Optional<String> location, String body) {

        JsonNode tree() throws IOException {
            return json.readValue(body, JsonNode.class);
        }
    }

    /** The job store ports over a map. */
    private static final class JobStore implements SaveJobPort, LoadJobsPort {

        private final Map<String, Job> jobs = new ConcurrentHashMap<>();

        @Override
        public void saveJob(Job job) {
            jobs.put(job.id(), job);
        }

        @Override
        public Optional<Job> loadJob(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public List<Job> loadUnfinishedJobs() {
            return jobs.values().stream().filter(job -> !job.status().isFinished()).toList();
        }

        @Override
        public List<Job> loadRecentJobs(int limit) {
            return jobs.values().stream()
                    .sorted(Comparator.comparing(Job::queuedAt).thenComparing(Job::id).reversed())
                    .limit(limit).toList();
        }
    }
}
