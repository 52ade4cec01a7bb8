package io.tandem.adapters.in.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.jobs.port.in.JobAlreadyRunningException;
import io.tandem.application.jobs.port.in.ListJobsQuery;
import io.tandem.application.jobs.port.in.ListJobsUseCase;
import io.tandem.application.jobs.port.in.StartJobCommand;
import io.tandem.application.jobs.port.in.StartJobUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.jobs.Job;
import io.tandem.domain.jobs.JobType;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The jobs page: the most recent jobs (queued, running and finished, newest first) with status and progress,
 * refreshed live while one is queued or running, and a form to start a training or pipeline job (admin scope).
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/console/jobs")
final class ConsoleJobsController {

    private final ConsoleAccess access;
    private final StartJobUseCase startJob;
    private final ListJobsUseCase listJobs;

    ConsoleJobsController(ConsoleAccess access, StartJobUseCase startJob, ListJobsUseCase listJobs) {
        this.access = access;
        this.startJob = startJob;
        this.listJobs = listJobs;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> page(HttpRequest<?> request) {
        return access.page(request, null, session -> ConsoleAccess.html(HttpStatus.OK,
                Html.page("Jobs", "jobs", session, body(session))));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> start(HttpRequest<?> request, @Nullable String type, @Nullable String csrf) {
        return access.action(request, csrf, ConsoleSignIn.ADMIN, session -> {
            String message;
            try {
                if (type == null || type.isEmpty()) {
                    throw new InvalidFieldException("type", "is required: pipeline or train");
                }
                Job job = startJob.start(new StartJobCommand(new JobType(type)));
                message = "Started " + job.type().name() + " job " + job.id() + ".";
            } catch (JobAlreadyRunningException e) {
                message = "Not started: " + e.getMessage();
            } catch (InvalidFieldException e) {
                message = "Not started: " + e.field() + " " + e.reason();
            }
            access.flash(session, message);
            return ConsoleAccess.redirect("/console/jobs");
        });
    }

    private String body(ConsoleSessions.Session session) {
        StringBuilder body = new StringBuilder("<h1>Jobs</h1>");
        access.takeFlash(session).ifPresent(m -> body.append("<p class=\"notice\" id=\"notice\">").append(Html.text(m))
                .append("</p>"));
        if (session.signIn().may(ConsoleSignIn.ADMIN)) {
            body.append("<form method=\"post\" action=\"/console/jobs\" id=\"start-job\" class=\"toolbar\">")
                    .append(Html.csrfField(session))
                    .append("<label for=\"job-type\">Job</label><select id=\"job-type\" name=\"type\">"
                            + "<option value=\"train\">train: pipeline, training, evaluation, promotion</option>"
                            + "<option value=\"pipeline\">pipeline: feature tables only</option></select>"
                            + "<button type=\"submit\" id=\"start-job-button\">Start</button></form>");
        }
        List<Job> jobs = listJobs.list(new ListJobsQuery(ListJobsQuery.DEFAULT_LIMIT));
        boolean live = jobs.stream().anyMatch(job -> !job.status().isFinished());
        body.append("<p class=\"note\">The " + ListJobsQuery.DEFAULT_LIMIT + " most recent jobs; one job runs at a "
                + "time.</p>");
        if (jobs.isEmpty()) {
            return body.append("<p class=\"note\" id=\"no-jobs\">No job yet.</p>").toString();
        }
        body.append("<table id=\"jobs\"").append(live ? " data-live=\"true\"" : "").append("><thead><tr><th>Job</th>"
                + "<th>Type</th><th>Status</th><th>Progress</th><th>Step or outcome</th><th>Queued</th>"
                + "<th>Started</th><th>Finished</th></tr></thead><tbody>");
        for (Job job : jobs) {
            String status = job.status().wireName();
            body.append("<tr class=\"job status-").append(status).append("\" data-job=\"").append(Html.text(job.id()))
                    .append("\"><td>").append(Html.text(job.id())).append("</td><td>").append(Html.text(job.type().name()))
                    .append("</td><td class=\"status\">").append(status).append("</td><td><progress max=\"1\" value=\"")
                    .append(String.format(Locale.ROOT, "%.3f", job.progress())).append("\"></progress> <span class=\"pct\">")
                    .append(String.format(Locale.ROOT, "%.0f%%", job.progress() * 100)).append("</span></td><td>")
                    .append(Html.text(job.message())).append("</td><td>").append(time(Optional.of(job.queuedAt())))
                    .append("</td><td>").append(time(job.startedAt())).append("</td><td>").append(time(job.finishedAt()))
                    .append("</td></tr>");
        }
        return body.append("</tbody></table>").toString();
    }

    private static String time(Optional<Instant> at) {
        return at.map(ConsoleModelsController.SECONDS::format).orElse("–");
    }
}
