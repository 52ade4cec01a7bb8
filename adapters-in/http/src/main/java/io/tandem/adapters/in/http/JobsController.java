package io.tandem.adapters.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.port.in.FindJobQuery;
import io.tandem.application.port.in.FindJobUseCase;
import io.tandem.application.port.in.StartJobCommand;
import io.tandem.application.port.in.StartJobUseCase;
import io.tandem.application.port.out.Job;
import io.tandem.application.port.out.JobType;

import java.io.IOException;

/**
 * Background jobs: {@code POST /v1/jobs {"type":"pipeline"|"train"}} answers {@code 202 {"jobId"}} at once
 * (the job runs on the job thread, not this one); {@code GET /v1/jobs/{id}} reads its status and progress.
 * One job runs at a time: asking for another meanwhile is 409.
 */
@Controller(JobsController.PATH)
final class JobsController {

    static final String PATH = "/v1/jobs";

    private final StartJobUseCase startJob;
    private final FindJobUseCase findJob;
    private final JsonMapper json;

    JobsController(StartJobUseCase startJob, FindJobUseCase findJob, JsonMapper json) {
        this.startJob = startJob;
        this.findJob = findJob;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<JobJson.Accepted> start(@Body byte[] body) {
        Job job = startJob.start(new StartJobCommand(new JobType(typeIn(body))));
        return HttpResponse.accepted().header("Location", PATH + "/" + job.id()).body(new JobJson.Accepted(job.id()));
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> find(@PathVariable("id") String id) {
        return findJob.find(new FindJobQuery(id))
                .<HttpResponse<?>>map(job -> HttpResponse.ok(JobJson.Status.from(job)))
                .orElseGet(() -> ProblemResponses.respond(Problem.of(404, "Not Found", "job-not-found", "id",
                        "no job '" + id + "'")));
    }

    private String typeIn(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new MalformedBodyException("body", "malformed JSON: " + ItemsController.firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedBodyException("body", "must be a JSON object such as {\"type\":\"pipeline\"}");
        }
        JsonNode type = tree.get("type");
        if (type == null || type.isNull()) {
            throw new MalformedBodyException("type", "is required: pipeline or train");
        }
        if (!type.isString()) {
            throw new MalformedBodyException("type", "must be a string");
        }
        return type.getStringValue();
    }
}
