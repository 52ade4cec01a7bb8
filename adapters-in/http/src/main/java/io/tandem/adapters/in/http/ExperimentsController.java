package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.application.experiment.port.in.CreateExperimentUseCase;
import io.tandem.application.experiment.port.in.DecideExperimentCommand;
import io.tandem.application.experiment.port.in.DecideExperimentUseCase;
import io.tandem.application.experiment.port.in.ListExperimentsUseCase;
import io.tandem.application.experiment.port.in.ShowExperimentQuery;
import io.tandem.application.experiment.port.in.ShowExperimentUseCase;
import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsCommand;
import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsUseCase;
import io.tandem.application.experiment.port.in.StartExperimentCommand;
import io.tandem.application.experiment.port.in.StartExperimentUseCase;
import io.tandem.application.experiment.port.in.StopExperimentCommand;
import io.tandem.application.experiment.port.in.StopExperimentUseCase;
import io.tandem.domain.experiment.Experiment;

import java.util.Optional;

/**
 * Experiments, for the {@code admin} scope (ADRs 0024–0026): {@code POST /v1/experiments} creates a draft (201),
 * {@code GET /v1/experiments} lists them, {@code GET /v1/experiments/{name}} shows one with its read-out, and
 * {@code POST .../start} and {@code .../stop} move it along draft, running, stopped, {@code POST .../recompute}
 * rebuilds its online metrics from the lake, and {@code POST .../decide}
 * promotes a winner or records a loss with its evidence (ADR-0025). A field the domain refuses is
 * 400 naming it; a state that refuses the step (an overlapping experiment running, a stopped one stopped again, a
 * name taken) is 409 naming the field at issue; an unknown name is 404. The 401, 403 and 429 that the access filter
 * gives on every route (ADR-0027) are documented once, on the class, for every operation ({@link ApiProblems}).
 */
@Controller(ExperimentsController.PATH)
@Tag(name = "admin")
@ApiProblems.Admin
final class ExperimentsController {

    static final String PATH = "/v1/experiments";
    private static final String NAME = "The experiment's exact name";
    private static final String NOT_FOUND = "{\"type\":\"https://tandem.io/problems/experiment-not-found\","
            + "\"title\":\"Not Found\",\"status\":404,\"detail\":\"no experiment 'ab-1'\",\"field\":\"name\"}";
    private static final String PROBLEM_400_NAME = ApiExamples.PROBLEM_400_PREFIX + "\"detail\":\"must be 1-64 "
            + "lower-case letters, digits, '.', '-' or '_', starting with a letter or digit\",\"field\":\"name\"}";

    private final CreateExperimentUseCase create;
    private final ListExperimentsUseCase list;
    private final ShowExperimentUseCase show;
    private final StartExperimentUseCase start;
    private final StopExperimentUseCase stop;
    private final DecideExperimentUseCase decide;
    private final RecomputeOnlineMetricsUseCase recompute;

    ExperimentsController(CreateExperimentUseCase create, ListExperimentsUseCase list, ShowExperimentUseCase show,
                          StartExperimentUseCase start, StopExperimentUseCase stop, DecideExperimentUseCase decide,
                          RecomputeOnlineMetricsUseCase recompute) {
        this.create = create;
        this.list = list;
        this.show = show;
        this.start = start;
        this.stop = stop;
        this.decide = decide;
        this.recompute = recompute;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "createExperiment",
            summary = "Create a draft experiment: variants with traffic shares summing to 1 (or, with design "
                    + "interleaving, exactly two variants drafted into one list), each serving the "
                    + "champion, a registered version or (model null) the rule-based fallback",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value = ApiExamples.EXPERIMENT_REQUEST))))
    @ApiResponse(responseCode = "201", description = "The draft; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExperimentJson.Experiment.class),
                    examples = @ExampleObject(value = ApiExamples.EXPERIMENT_DRAFT)))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST,
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = {
                @ExampleObject(name = "shares", value = ApiExamples.PROBLEM_400_PREFIX + "\"detail\":\"the shares must "
                        + "sum to 1, they sum to 0.9\",\"field\":\"variants\"}"),
                @ExampleObject(name = "unknown version", value = ApiExamples.PROBLEM_400_PREFIX + "\"detail\":\"model "
                        + "'two-stage' has no version 'v9' in the registry\",\"field\":\"variants[0].model.version\"}")
            }))
    @ApiResponse(responseCode = "409", description = "An experiment of this name exists already",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/experiment-conflict\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"an experiment named 'ab-1' exists already; a name is never "
                    + "reused, create the new experiment under another one\",\"field\":\"name\"}")))
    HttpResponse<ExperimentJson.Experiment> create(
            @Schema(implementation = RequestShapes.Experiment.class) @Nullable @Body byte[] body) {
        Experiment created = create.create(ExperimentRequest.command(body));
        return HttpResponse.created(ExperimentJson.Experiment.from(created))
                .header("Location", PATH + "/" + created.name());
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "listExperiments", summary = "Every experiment, drafts and stopped ones too, oldest first")
    @ApiResponse(responseCode = "200", description = "The experiments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExperimentJson.Listing.class),
                    examples = @ExampleObject(value = "{\"experiments\":[" + ApiExamples.EXPERIMENT_RUNNING + "]}")))
    ExperimentJson.Listing list() {
        return new ExperimentJson.Listing(list.list().stream().map(ExperimentJson.Experiment::from).toList());
    }

    @Get(uri = "/{name}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "getExperiment",
            summary = "An experiment with its read-out: per variant and day impressions, CTR, conversion, value per "
                    + "impression, NDCG and MRR of served lists, coverage, p99 latency and fallback share with "
                    + "intervals; the sample-ratio check; each challenger's always-valid decision against the first "
                    + "variant. Reading a running experiment is a look at its sequential test")
    @ApiResponse(responseCode = "200", description = "The experiment and its read-out",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExperimentJson.Shown.class),
                    examples = @ExampleObject(value = ApiExamples.EXPERIMENT_SHOWN)))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST,
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = PROBLEM_400_NAME)))
    @ApiResponse(responseCode = "404", description = "No experiment of this name",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = NOT_FOUND)))
    HttpResponse<?> show(@Parameter(description = NAME, example = "ab-1") @PathVariable("name") String name) {
        return found(name, show.show(new ShowExperimentQuery(name)).map(ExperimentJson.Shown::from));
    }

    @Post(uri = "/{name}/start", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "startExperiment",
            summary = "Start a draft now; refused while another experiment runs on an overlapping surface")
    @ApiResponse(responseCode = "200", description = "The running experiment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExperimentJson.Experiment.class),
                    examples = @ExampleObject(value = ApiExamples.EXPERIMENT_RUNNING)))
    @ApiResponse(responseCode = "409", description = "Not a draft, or another experiment runs on the same surface",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/experiment-conflict\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"experiment 'ab-0' is already running on every surface; stop it "
                    + "before starting 'ab-1'\",\"field\":\"surface\"}")))
    @ApiResponse(responseCode = "404", description = "No experiment of this name",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = NOT_FOUND)))
    HttpResponse<?> start(@Parameter(description = NAME, example = "ab-1") @PathVariable("name") String name) {
        return found(name, start.start(new StartExperimentCommand(name)).map(ExperimentJson.Experiment::from));
    }

    @Post(uri = "/{name}/stop", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "stopExperiment", summary = "Stop a running experiment now, for good")
    @ApiResponse(responseCode = "200", description = "The stopped experiment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExperimentJson.Experiment.class),
                    examples = @ExampleObject(value = ApiExamples.EXPERIMENT_STOPPED)))
    @ApiResponse(responseCode = "409", description = "The experiment is not running (a draft, or stopped already)",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/experiment-conflict\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"experiment 'ab-1' is stopped; only a running experiment can be "
                    + "stopped\",\"field\":\"status\"}")))
    @ApiResponse(responseCode = "404", description = "No experiment of this name",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = NOT_FOUND)))
    HttpResponse<?> stop(@Parameter(description = NAME, example = "ab-1") @PathVariable("name") String name) {
        return found(name, stop.stop(new StopExperimentCommand(name)).map(ExperimentJson.Experiment::from));
    }

    @Post(uri = "/{name}/decide", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "decideExperiment",
            summary = "Decide now from the read-out: a challenger whose always-valid test ships, whose guardrails "
                    + "hold and whose version passed its offline gate is promoted; a win without the gate, a loss or "
                    + "a stop is recorded without promotion. Each decision is kept with its evidence beside the "
                    + "version (GET /v1/models/{name}/versions), and the experiment stops once every challenger "
                    + "serving a version is decided. Deciding again changes nothing")
    @ApiResponse(responseCode = "200", description = "What was decided, and what is still pending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionJson.Decided.class),
                    examples = @ExampleObject(value = ApiExamples.EXPERIMENT_DECIDED)))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST,
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = PROBLEM_400_NAME)))
    @ApiResponse(responseCode = "409", description = "A draft, or no challenger serves a version",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/experiment-conflict\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"experiment 'ab-1' is a draft; start it and let users see it "
                    + "before deciding\",\"field\":\"status\"}")))
    @ApiResponse(responseCode = "404", description = "No experiment of this name",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = NOT_FOUND)))
    HttpResponse<?> decide(@Parameter(description = NAME, example = "ab-1") @PathVariable("name") String name) {
        return found(name, decide.decide(new DecideExperimentCommand(name)).map(DecisionJson.Decided::from));
    }

    @Post(uri = "/{name}/recompute", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "recomputeExperiment",
            summary = "Rebuild the experiment's online metrics from the lake (its served lists and the events quoting "
                    + "them) into a fresh generation, which replaces the read-out in one step when complete; live "
                    + "attribution goes on meanwhile and nothing is counted twice (ADR-0026)")
    @ApiResponse(responseCode = "200", description = "What the rebuild read and wrote",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecomputeJson.class),
                    examples = @ExampleObject(value = "{\"experiment\":\"ab-1\",\"from\":\"2026-12-05\","
                            + "\"servedTo\":\"2026-12-07\",\"eventsTo\":\"2026-12-07\",\"servedLists\":1200,"
                            + "\"attributedEvents\":5312,\"cells\":8}")))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST,
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = PROBLEM_400_NAME)))
    @ApiResponse(responseCode = "409", description = "A draft (nothing served yet), or another rebuild began first",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/experiment-conflict\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"experiment 'ab-1' never started: there is nothing to "
                    + "recompute\",\"field\":\"status\"}")))
    @ApiResponse(responseCode = "404", description = "No experiment of this name",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = NOT_FOUND)))
    HttpResponse<?> recompute(@Parameter(description = NAME, example = "ab-1") @PathVariable("name") String name) {
        return found(name, recompute.recompute(new RecomputeOnlineMetricsCommand(name)).map(RecomputeJson::from));
    }

    private static HttpResponse<?> found(String name, Optional<?> body) {
        return ProblemResponses.found(body, "experiment-not-found", "name", "no experiment '" + name + "'");
    }
}
