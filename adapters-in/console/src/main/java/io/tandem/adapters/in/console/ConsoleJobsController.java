package io.tandem.adapters.in.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.port.in.FindJobQuery;
import io.tandem.application.port.in.FindJobUseCase;
import io.tandem.application.port.in.JobAlreadyRunningException;
import io.tandem.application.port.in.StartJobCommand;
import io.tandem.application.port.in.StartJobUseCase;
import io.tandem.application.port.out.Job;
import io.tandem.application.port.out.JobType;
import io.tandem.domain.InvalidFieldException;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The jobs page: the jobs started from this console (newest first) with status and progress, refreshed live
 * while one is queued or running, and a form to start a training or pipeline job (admin scope).
 */
@Controller("/console/jobs")
final class ConsoleJobsController {

    static final int REMEMBERED_JOBS = 50;

    private final ConsoleAccess access;
    private final StartJobUseCase startJob;
    private final FindJobUseCase findJob;
    private final ArrayDeque<String> recent = new ArrayDeque<>();

    ConsoleJobsController(ConsoleAccess access, StartJobUseCase startJob, FindJobUseCase findJob) {
        this.access = access;
        this.startJob = startJob;
        this.findJob = findJob;
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
                remember(job.id());
                message = "Started " + job.type().name() + " job " + job.id() + ".";
            } catch (JobAlreadyRunningException e) {
                remember(e.running().id());
                message = "Not started: " + e.getMessage();
            } catch (InvalidFieldException e) {
                message = "Not started: " + e.field() + " " + e.reason();
            }
            access.flash(session, message);
            return ConsoleAccess.redirect("/console/jobs");
        });
    }

    private synchronized void remember(String id) {
        recent.remove(id);
        recent.addFirst(id);
        while (recent.size() > REMEMBERED_JOBS) {
            recent.removeLast();
        }
    }

    private synchronized List<String> recentIds() {
        return new ArrayList<>(recent);
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
        List<Job> jobs = new ArrayList<>();
        for (String id : recentIds()) {
            findJob.find(new FindJobQuery(id)).ifPresent(jobs::add);
        }
        boolean live = jobs.stream().anyMatch(job -> !job.status().isFinished());
        body.append("<p class=\"note\">Jobs started from this console since the instance started; one job runs at a "
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
        return at.map(a -> ConsoleModelsController.TIME.format(a) + ":" + String.format(Locale.ROOT, "%02d",
                a.atZone(java.time.ZoneOffset.UTC).getSecond())).orElse("–");
    }
}
