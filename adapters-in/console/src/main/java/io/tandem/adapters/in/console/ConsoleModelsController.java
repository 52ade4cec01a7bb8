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
import io.tandem.application.registry.port.in.ListModelVersionsQuery;
import io.tandem.application.registry.port.in.ListModelVersionsUseCase;
import io.tandem.application.registry.port.in.ListModelsQuery;
import io.tandem.application.registry.port.in.ListModelsUseCase;
import io.tandem.application.registry.port.in.PromoteModelVersionCommand;
import io.tandem.application.registry.port.in.PromoteModelVersionUseCase;
import io.tandem.application.registry.port.in.RollbackModelCommand;
import io.tandem.application.registry.port.in.RollbackModelUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ChampionChange;
import io.tandem.domain.model.ModelConflictException;
import io.tandem.domain.model.ModelNotFoundException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.RegisteredModel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The models page: each model's versions with their hold-out metrics (a table and a chart over time), the
 * champion, lineage and training window; promote and roll back, behind the admin scope and a confirmation.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/console/models")
final class ConsoleModelsController {

    /** At most this many metrics are drawn per model; the table shows them all. */
    static final int CHARTED_METRICS = 6;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final ConsoleAccess access;
    private final ListModelsUseCase listModels;
    private final ListModelVersionsUseCase listVersions;
    private final PromoteModelVersionUseCase promote;
    private final RollbackModelUseCase rollback;

    ConsoleModelsController(ConsoleAccess access, ListModelsUseCase listModels, ListModelVersionsUseCase listVersions,
                            PromoteModelVersionUseCase promote, RollbackModelUseCase rollback) {
        this.access = access;
        this.listModels = listModels;
        this.listVersions = listVersions;
        this.promote = promote;
        this.rollback = rollback;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> page(HttpRequest<?> request) {
        return access.page(request, null, session -> ConsoleAccess.html(HttpStatus.OK,
                Html.page("Models", "models", session, body(session))));
    }

    @Post(uri = "/{name}/versions/{version}/promote", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> promote(HttpRequest<?> request, @PathVariable("name") String name,
                                   @PathVariable("version") String version, @Nullable String csrf) {
        return access.action(request, csrf, ConsoleSignIn.ADMIN, session -> change(session,
                () -> promote.promote(new PromoteModelVersionCommand(name, version)), "Promoted"));
    }

    @Post(uri = "/{name}/rollback", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> rollback(HttpRequest<?> request, @PathVariable("name") String name,
                                    @Nullable String csrf) {
        return access.action(request, csrf, ConsoleSignIn.ADMIN, session -> change(session,
                () -> rollback.rollback(new RollbackModelCommand(name)), "Rolled back:"));
    }

    private MutableHttpResponse<?> change(ConsoleSessions.Session session, Supplier<ChampionChange> change,
                                          String verb) {
        String message;
        try {
            ChampionChange done = change.get();
            message = verb + " " + done.champion().name() + " " + done.champion().version() + " is champion"
                    + done.archived().map(a -> ", " + a.version() + " archived").orElse("") + ".";
        } catch (ModelNotFoundException | ModelConflictException | InvalidFieldException e) {
            message = "Not changed: " + e.getMessage();
        }
        access.flash(session, message);
        return ConsoleAccess.redirect("/console/models");
    }

    private String body(ConsoleSessions.Session session) {
        StringBuilder body = new StringBuilder("<h1>Models</h1>");
        access.takeFlash(session).ifPresent(m -> body.append("<p class=\"notice\" id=\"notice\">").append(Html.text(m))
                .append("</p>"));
        List<RegisteredModel> models = listModels.list(new ListModelsQuery());
        if (models.isEmpty()) {
            return body.append("<p class=\"note\" id=\"no-models\">No model is registered yet: start a training job "
                    + "on the <a href=\"/console/jobs\">Jobs</a> page.</p>").toString();
        }
        boolean admin = session.signIn().may(ConsoleSignIn.ADMIN);
        for (RegisteredModel model : models) {
            List<ModelVersion> versions = listVersions.list(new ListModelVersionsQuery(model.name()));
            body.append("<section class=\"model\" data-model=\"").append(Html.text(model.name())).append("\"><h2>")
                    .append(Html.text(model.name())).append(" <small>").append(Html.text(model.kind().name()
                            .toLowerCase(java.util.Locale.ROOT))).append(", ").append(model.versionCount())
                    .append(" versions, champion <span class=\"champion\">")
                    .append(Html.text(model.champion().orElse("none"))).append("</span></small></h2>");
            body.append(chart(model.name(), versions));
            body.append(table(session, model.name(), versions, admin));
            if (admin) {
                body.append("<form method=\"post\" class=\"inline\" action=\"/console/models/")
                        .append(Html.text(model.name())).append("/rollback\" data-confirm=\"Roll back ")
                        .append(Html.text(model.name())).append(" to its previous champion?\">")
                        .append(Html.csrfField(session))
                        .append("<button type=\"submit\" class=\"danger rollback\">Roll back to the previous champion"
                                + "</button></form>");
            }
            body.append("</section>");
        }
        return body.toString();
    }

    private static String chart(String model, List<ModelVersion> newestFirst) {
        List<ModelVersion> versions = new ArrayList<>(newestFirst);
        versions.sort(java.util.Comparator.comparing(ModelVersion::createdAt));
        TreeSet<String> metrics = new TreeSet<>();
        versions.forEach(v -> metrics.addAll(v.metrics().values().keySet()));
        double[] xs = new double[versions.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = versions.get(i).createdAt().getEpochSecond();
        }
        List<SvgChart.Series> series = new ArrayList<>();
        for (String metric : metrics) {
            if (series.size() == CHARTED_METRICS) {
                break;
            }
            double[] values = new double[versions.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = versions.get(i).metrics().value(metric).orElse(Double.NaN);
            }
            series.add(new SvgChart.Series(metric, values));
        }
        return SvgChart.lines("chart-metrics-" + model, "Hold-out metrics of each version, by registration time",
                xs, series, x -> SECONDS.format(Instant.ofEpochSecond((long) x)), "");
    }

    private static String table(ConsoleSessions.Session session, String model, List<ModelVersion> versions,
                                boolean admin) {
        TreeSet<String> metrics = new TreeSet<>();
        versions.forEach(v -> metrics.addAll(v.metrics().values().keySet()));
        StringBuilder table = new StringBuilder("<div class=\"scroll\"><table class=\"versions\"><thead><tr>"
                + "<th>Version</th><th>Stage</th><th>Registered</th><th>Parent</th><th>Training window</th>"
                + "<th>Hold-out</th>");
        metrics.forEach(m -> table.append("<th>").append(Html.text(m)).append("</th>"));
        table.append(admin ? "<th></th>" : "").append("</tr></thead><tbody>");
        for (ModelVersion version : versions) {
            String stage = version.stage().wireName();
            table.append("<tr class=\"stage-").append(stage).append("\" data-version=\"")
                    .append(Html.text(version.version())).append("\"><td>").append(Html.text(version.version()))
                    .append("</td><td class=\"stage\">").append(stage).append("</td><td>")
                    .append(TIME.format(version.createdAt())).append("</td><td>")
                    .append(Html.text(version.parent().orElse("–"))).append("</td><td>")
                    .append(TIME.format(version.trainingWindow().from())).append(" → ")
                    .append(TIME.format(version.trainingWindow().to())).append("</td><td>")
                    .append(Html.text(version.metrics().holdOut())).append("</td>");
            for (String metric : metrics) {
                table.append("<td class=\"num\">").append(version.metrics().value(metric).isPresent()
                        ? Html.text(String.format(java.util.Locale.ROOT, "%.4f",
                                version.metrics().value(metric).getAsDouble())) : "–").append("</td>");
            }
            if (admin) {
                table.append("<td>");
                if (version.stage() != ModelStage.CHAMPION) {
                    table.append("<form method=\"post\" class=\"inline\" action=\"/console/models/")
                            .append(Html.text(model)).append("/versions/").append(Html.text(version.version()))
                            .append("/promote\" data-confirm=\"Make ").append(Html.text(model)).append(' ')
                            .append(Html.text(version.version())).append(" the champion? It serves at once.\">")
                            .append(Html.csrfField(session))
                            .append("<button type=\"submit\" class=\"promote\">Promote</button></form>");
                }
                table.append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</tbody></table></div>").toString();
    }
}
