package io.tandem.adapters.in.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.experiment.port.in.DecideExperimentCommand;
import io.tandem.application.experiment.port.in.DecideExperimentUseCase;
import io.tandem.application.experiment.port.in.ExperimentDecisions;
import io.tandem.application.experiment.port.in.ExperimentReport;
import io.tandem.application.experiment.port.in.ListExperimentsUseCase;
import io.tandem.application.experiment.port.in.ListModelDecisionsQuery;
import io.tandem.application.experiment.port.in.ListModelDecisionsUseCase;
import io.tandem.application.experiment.port.in.ShowExperimentQuery;
import io.tandem.application.experiment.port.in.ShowExperimentUseCase;
import io.tandem.application.experiment.port.in.StartExperimentCommand;
import io.tandem.application.experiment.port.in.StartExperimentUseCase;
import io.tandem.application.experiment.port.in.StopExperimentCommand;
import io.tandem.application.experiment.port.in.StopExperimentUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.ExperimentStatus;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.model.ModelNotFoundException;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.tandem.adapters.in.console.ExperimentReadoutHtml.format;
import static io.tandem.adapters.in.console.ExperimentReadoutHtml.interval;
import static io.tandem.adapters.in.console.ExperimentReadoutHtml.time;

/**
 * The experiments page: every experiment with its status and variants, and one experiment's read-out (per variant
 * impressions, click-through and conversion rates with their intervals, the guardrails, the sample-ratio warning,
 * each challenger's sequential verdict) with the decisions on record; start, stop and decide behind the admin scope,
 * a confirmation and the session's CSRF token, as on the models page. Opening a running experiment is a look at its
 * always-valid test, as {@code GET /v1/experiments/{name}} is.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/console/experiments")
final class ConsoleExperimentsController {

    private static final String PATH = "/console/experiments";

    private final ConsoleAccess access;
    private final ListExperimentsUseCase list;
    private final ShowExperimentUseCase show;
    private final StartExperimentUseCase start;
    private final StopExperimentUseCase stop;
    private final DecideExperimentUseCase decide;
    private final ListModelDecisionsUseCase decisions;

    ConsoleExperimentsController(ConsoleAccess access, ListExperimentsUseCase list, ShowExperimentUseCase show,
                                 StartExperimentUseCase start, StopExperimentUseCase stop,
                                 DecideExperimentUseCase decide, ListModelDecisionsUseCase decisions) {
        this.access = access;
        this.list = list;
        this.show = show;
        this.start = start;
        this.stop = stop;
        this.decide = decide;
        this.decisions = decisions;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> page(HttpRequest<?> request) {
        return access.page(request, null, session -> ConsoleAccess.html(HttpStatus.OK,
                Html.page("Experiments", "experiments", session, listing(session))));
    }

    @Get(uri = "/{name}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> experiment(HttpRequest<?> request, @PathVariable("name") String name) {
        return access.page(request, null, session -> {
            Optional<ExperimentReport> report;
            try {
                report = show.show(new ShowExperimentQuery(name));
            } catch (InvalidFieldException e) {
                report = Optional.empty();
            }
            return report.map(found -> ConsoleAccess.html(HttpStatus.OK, Html.page("Experiment " + name,
                    "experiments", session, detail(session, found))))
                    .orElseGet(() -> ConsoleAccess.html(HttpStatus.NOT_FOUND, Html.page("Experiments", "experiments",
                            session, "<h1>Experiments</h1><p class=\"error\" id=\"error\">No experiment '"
                                    + Html.text(name) + "'. <a href=\"" + PATH + "\">All experiments</a></p>")));
        });
    }

    @Post(uri = "/{name}/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> start(HttpRequest<?> request, @PathVariable("name") String name, @Nullable String csrf) {
        return access.action(request, csrf, ConsoleSignIn.ADMIN, session -> step(session, name, () -> start
                .start(new StartExperimentCommand(name)).map(e -> "Started " + e.name() + ".")));
    }

    @Post(uri = "/{name}/stop", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> stop(HttpRequest<?> request, @PathVariable("name") String name, @Nullable String csrf) {
        return access.action(request, csrf, ConsoleSignIn.ADMIN, session -> step(session, name, () -> stop
                .stop(new StopExperimentCommand(name)).map(e -> "Stopped " + e.name() + " for good.")));
    }

    @Post(uri = "/{name}/decide", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> decide(HttpRequest<?> request, @PathVariable("name") String name, @Nullable String csrf) {
        return access.action(request, csrf, ConsoleSignIn.ADMIN, session -> step(session, name, () -> decide
                .decide(new DecideExperimentCommand(name)).map(ConsoleExperimentsController::decided)));
    }

    private static String decided(ExperimentDecisions decided) {
        if (!decided.decided()) {
            return "Not decided yet: " + String.join("; ", decided.pending());
        }
        return "Decided: " + decided.decisions().stream().map(d -> d.version().name() + " " + d.version().version()
                + " " + d.outcome().wireName()).collect(Collectors.joining(", ")) + ".";
    }

    private MutableHttpResponse<?> step(ConsoleSessions.Session session, String name,
                                        Supplier<Optional<String>> step) {
        String message;
        try {
            message = step.get().orElse("No experiment '" + name + "'.");
        } catch (ExperimentConflictException | InvalidFieldException | ModelNotFoundException e) {
            message = "Not changed: " + e.getMessage();
        }
        access.flash(session, message);
        return ConsoleAccess.redirect(PATH + "/" + name);
    }

    private String listing(ConsoleSessions.Session session) {
        StringBuilder body = new StringBuilder("<h1>Experiments</h1>");
        notice(session, body);
        List<Experiment> experiments = list.list();
        if (experiments.isEmpty()) {
            return body.append("<p class=\"note\" id=\"no-experiments\">No experiment yet: create one with "
                    + "<code>POST /v1/experiments</code> or <code>tandem experiments create</code>.</p>").toString();
        }
        body.append("<div class=\"scroll\"><table id=\"experiments\"><thead><tr><th>Name</th><th>Status</th>"
                + "<th>Surface</th><th>Started</th><th>Stopped</th><th>Auto-promote</th><th>Variants</th></tr>"
                + "</thead><tbody>");
        for (Experiment experiment : experiments) {
            body.append("<tr data-experiment=\"").append(Html.text(experiment.name())).append("\"><td><a href=\"")
                    .append(PATH).append('/').append(Html.text(experiment.name())).append("\">")
                    .append(Html.text(experiment.name())).append("</a></td><td class=\"status\">")
                    .append(experiment.status().wireName()).append("</td><td>")
                    .append(Html.text(experiment.surface().orElse("every"))).append("</td><td>")
                    .append(time(experiment.startedAt())).append("</td><td>").append(time(experiment.stoppedAt()))
                    .append("</td><td>").append(experiment.autoPromote() ? "yes" : "no").append("</td><td>")
                    .append(Html.text(experiment.variants().stream().map(ExperimentReadoutHtml::variant)
                            .collect(Collectors.joining(" | ")))).append("</td></tr>");
        }
        return body.append("</tbody></table></div>").toString();
    }

    private String detail(ConsoleSessions.Session session, ExperimentReport report) {
        Experiment experiment = report.experiment();
        StringBuilder body = new StringBuilder("<h1>Experiment ").append(Html.text(experiment.name()))
                .append(" <small class=\"status\" id=\"status\">").append(experiment.status().wireName())
                .append("</small></h1><p><a href=\"").append(PATH).append("\">All experiments</a></p>");
        notice(session, body);
        body.append("<p class=\"note\">Surface ").append(Html.text(experiment.surface().orElse("every")))
                .append("; started ").append(time(experiment.startedAt())).append("; stopped ")
                .append(time(experiment.stoppedAt())).append("; auto-promote ")
                .append(experiment.autoPromote() ? "on" : "off").append(". Variants: ")
                .append(Html.text(experiment.variants().stream().map(ExperimentReadoutHtml::variant)
                        .collect(Collectors.joining(" | ")))).append(". The first is the control.</p>");
        if (session.signIn().may(ConsoleSignIn.ADMIN)) {
            body.append("<div class=\"actions\">");
            if (experiment.status() == ExperimentStatus.DRAFT) {
                body.append(button(session, experiment, "start", "Start",
                        "Start " + experiment.name() + "? Users are assigned to its variants at once."));
            }
            if (experiment.status() == ExperimentStatus.RUNNING) {
                body.append(button(session, experiment, "stop", "Stop",
                        "Stop " + experiment.name() + " for good? A stopped experiment never runs again."));
            }
            if (experiment.status() != ExperimentStatus.DRAFT && !experiment.pinnedChallengers().isEmpty()) {
                body.append(button(session, experiment, "decide", "Decide",
                        "Decide " + experiment.name() + " now? A challenger that won and passed its offline gate "
                                + "becomes champion at once; a loss is recorded."));
            }
            body.append("</div>");
        }
        ExperimentReadoutHtml.readout(report, body);
        decisionsOnRecord(experiment, body);
        return body.toString();
    }

    private static String button(ConsoleSessions.Session session, Experiment experiment, String step, String label,
                                 String confirm) {
        return "<form method=\"post\" class=\"inline\" action=\"" + PATH + "/" + Html.text(experiment.name()) + "/"
                + step + "\" data-confirm=\"" + Html.text(confirm) + "\">" + Html.csrfField(session)
                + "<button type=\"submit\" id=\"" + step + "-experiment\" class=\"" + step + "\">" + label
                + "</button></form>";
    }

    private void decisionsOnRecord(Experiment experiment, StringBuilder body) {
        List<ExperimentDecision> recorded = experiment.pinnedChallengers().stream()
                .map(v -> ((VariantModel.Version) v.model()).ref().name()).distinct()
                .flatMap(model -> decisions.list(new ListModelDecisionsQuery(model)).stream())
                .filter(d -> d.experiment().equals(experiment.name())).toList();
        if (recorded.isEmpty()) {
            return;
        }
        body.append("<h2>Decisions on record</h2><div class=\"scroll\"><table id=\"decisions\"><thead><tr>"
                + "<th>Version</th><th>Outcome</th><th>Decided</th><th>Difference</th><th>Always-valid interval</th>"
                + "<th>p</th><th>Guardrails</th><th>Offline gate</th><th>Why</th></tr></thead><tbody>");
        for (ExperimentDecision d : recorded) {
            body.append("<tr data-version=\"").append(Html.text(d.version().version())).append("\"><td>")
                    .append(Html.text(d.version().name() + " " + d.version().version()))
                    .append("</td><td class=\"outcome\">").append(d.outcome().wireName()).append("</td><td>")
                    .append(ConsoleModelsController.SECONDS.format(d.decidedAt())).append("</td><td class=\"num\">")
                    .append(d.difference().isPresent() ? format(d.difference().getAsDouble()) : "–")
                    .append("</td><td class=\"num\">").append(interval(d.alwaysValidInterval()))
                    .append("</td><td class=\"num\">").append(format(d.alwaysValidPValue())).append("</td><td>")
                    .append(d.guardrailsHeld() ? "held" : "broken").append("</td><td>")
                    .append(d.offlineGatePassed() ? "passed" : "not passed").append("</td><td>")
                    .append(Html.text(d.reason())).append("</td></tr>");
        }
        body.append("</tbody></table></div>");
    }

    private void notice(ConsoleSessions.Session session, StringBuilder body) {
        access.takeFlash(session).ifPresent(m -> body.append("<p class=\"notice\" id=\"notice\">").append(Html.text(m))
                .append("</p>"));
    }

}
