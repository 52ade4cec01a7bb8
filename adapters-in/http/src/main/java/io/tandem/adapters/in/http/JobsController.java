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
import io.tandem.application.port.in.FindJobQuery;
import io.tandem.application.port.in.FindJobUseCase;
import io.tandem.application.port.in.ListJobsQuery;
import io.tandem.application.port.in.ListJobsUseCase;
import io.tandem.application.port.in.StartJobCommand;
import io.tandem.application.port.in.StartJobUseCase;
import io.tandem.application.port.out.Job;
import io.tandem.application.port.out.JobType;
import io.tandem.domain.InvalidFieldException;

import java.util.List;

/**
 * Background jobs: {@code POST /v1/jobs {"type":"pipeline"|"train"}} answers {@code 202 {"jobId"}} at once
 * (the job runs on the job thread, not this one); {@code GET /v1/jobs/{id}} reads its status and progress;
 * {@code GET /v1/jobs?limit=20} lists the most recent ones, newest first. One job runs at a time: asking for another
 * meanwhile is 409.
 */
@Controller(JobsController.PATH)
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
    HttpResponse<JobJson.Accepted> start(@Body byte[] body) {
        Job job = startJob.start(new StartJobCommand(new JobType(typeIn(body))));
        return HttpResponse.accepted().header("Location", PATH + "/" + job.id()).body(new JobJson.Accepted(job.id()));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    JobJson.Recent list(@Nullable @QueryValue("limit") String limit) {
        List<Job> jobs = listJobs.list(new ListJobsQuery(parseLimit(limit)));
        return new JobJson.Recent(jobs.stream().map(JobJson.Status::from).toList());
    }

    /** Absent or empty means the default; anything but plain digits is refused as given (ADR-0019). */
    static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return ListJobsQuery.DEFAULT_LIMIT;
        }
        if (limit.length() > 9 || !limit.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidFieldException("limit", "must be a whole number between 1 and "
                    + ListJobsQuery.MAX_LIMIT);
        }
        return Integer.parseInt(limit);
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> find(@PathVariable("id") String id) {
        return findJob.find(new FindJobQuery(id))
                .<HttpResponse<?>>map(job -> HttpResponse.ok(JobJson.Status.from(job)))
                .orElseGet(() -> ProblemResponses.respond(Problem.of(404, "Not Found", "job-not-found", "id",
                        "no job '" + id + "'")));
    }

    private static String typeIn(byte[] body) {
        String type = RequestJson.object(body, "{\"type\":\"pipeline\"}", List.of("type")).text("type");
        if (type == null) {
            throw new InvalidFieldException("type", "is required: pipeline or train");
        }
        return type;
    }
}
