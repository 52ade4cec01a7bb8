package io.tandem.adapters.in.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
import io.tandem.application.jobs.port.in.FindJobQuery;
import io.tandem.application.jobs.port.in.FindJobUseCase;
import io.tandem.application.jobs.port.in.ListJobsQuery;
import io.tandem.application.jobs.port.in.ListJobsUseCase;
import io.tandem.application.jobs.port.in.StartJobCommand;
import io.tandem.application.jobs.port.in.StartJobUseCase;
import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobType;

import java.util.List;

/**
 * Background jobs: {@code POST /v1/jobs {"type":"pipeline"|"train"}} answers {@code 202 {"jobId"}} at once
 * (the job runs on the job thread, not this one); {@code GET /v1/jobs/{id}} reads its status and progress;
 * {@code GET /v1/jobs?limit=20} lists the most recent ones, newest first. One job runs at a time: asking for another
 * meanwhile is 409.
 */
@Controller(JobsController.PATH)
@Tag(name = "admin")
@ApiProblems.Admin
final class JobsController {

    static final String PATH = "/v1/jobs";

    private final StartJobUseCase startJob;
    private final FindJobUseCase findJob;
    private final ListJobsUseCase listJobs;

    JobsController(StartJobUseCase startJob, FindJobUseCase findJob, ListJobsUseCase listJobs) {
        this.startJob = startJob;
        this.findJob = findJob;
        this.listJobs = listJobs;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "startJob",
            summary = "Start a background job (pipeline or train); it runs on the job thread",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value =
                    "{\"type\":\"train\"}"))))
    @ApiResponse(responseCode = "202",
            description = "Queued; Location points at the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JobJson.Accepted.class),
                    examples = @ExampleObject(value =
                    "{\"jobId\":\"j-0007\"}")))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_400_PREFIX
                    + "\"detail\":\"is required: pipeline or train\",\"field\":\"type\"}")))
    @ApiResponse(responseCode = "409",
            description = "Another job holds the slot; Location points at it",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/job-already-running\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"job j-0007 (train) is running; one job runs at a time, "
                    + "retry when it has finished\",\"field\":\"type\"}")))
    HttpResponse<JobJson.Accepted> start(@Schema(implementation = RequestShapes.Job.class) @Body byte[] body) {
        Job job = startJob.start(new StartJobCommand(new JobType(typeIn(body))));
        return HttpResponse.accepted().header("Location", PATH + "/" + job.id()).body(new JobJson.Accepted(job.id()));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "listJobs",
            summary = "The most recent jobs, newest first")
    @ApiResponse(responseCode = "200",
            description = "The jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JobJson.Recent.class),
                    examples = @ExampleObject(value =
                    "{\"jobs\":[" + ApiExamples.JOB + "]}")))
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_400_PREFIX
                    + "\"detail\":\"must be a whole number between 1 and 100\",\"field\":\"limit\"}")))
    JobJson.Recent list(@Parameter(description = "How many jobs, 1 to 100; 20 when absent", example = "20")
                        @Nullable @QueryValue("limit") String limit) {
        List<Job> jobs = listJobs.list(new ListJobsQuery(parseLimit(limit)));
        return new JobJson.Recent(jobs.stream().map(JobJson.Status::from).toList());
    }

    private static int parseLimit(String limit) {
        return QueryValues.wholeNumber("limit", limit, ListJobsQuery.DEFAULT_LIMIT, ListJobsQuery.MAX_LIMIT);
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(operationId = "getJob",
            summary = "A job's status and progress")
    @ApiResponse(responseCode = "200",
            description = "The job; times are ISO-8601, null until they happen",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JobJson.Status.class),
                    examples = @ExampleObject(value =
                    ApiExamples.JOB)))
    @ApiResponse(responseCode = "404",
            description = "No job with this id",
            content = @Content(mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value =
                    "{\"type\":\"https://tandem.io/problems/job-not-found\",\"title\":\"Not "
                    + "Found\",\"status\":404,\"detail\":\"no job 'j-0007'\",\"field\":\"id\"}")))
    HttpResponse<?> find(@Parameter(description = "The job's id, from the answer that started it", example = "j-0007")
                         @PathVariable("id") String id) {
        return ProblemResponses.found(findJob.find(new FindJobQuery(id)).map(JobJson.Status::from),
                "job-not-found", "id", "no job '" + id + "'");
    }

    private static String typeIn(byte[] body) {
        return RequestJson.requiredText(RequestJson.object(body, "{\"type\":\"pipeline\"}", List.of("type")), "type",
                "is required: pipeline or train");
    }
}
