package io.tandem.adapters.in.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.catalog.port.in.CatalogCounts;
import io.tandem.application.catalog.port.in.CountCatalogQuery;
import io.tandem.application.catalog.port.in.CountCatalogUseCase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The console's entry, sign-in and sign-out, its two static assets, the overview (this instance's traffic,
 * catalog, lake, fallbacks and latency).
 */
@Controller("/console")
final class ConsoleController {

    /** Longest key accepted at the sign-in form; real keys are far shorter. */
    static final int MAX_KEY_LENGTH = 512;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Map<String, String> ASSETS = Map.of(
            "console.css", "text/css;charset=utf-8",
            "console.js", "text/javascript;charset=utf-8");

    private final ConsoleAccess access;
    private final MetricsSampler sampler;
    private final CountCatalogUseCase countCatalog;

    ConsoleController(ConsoleAccess access, MetricsSampler sampler, CountCatalogUseCase countCatalog) {
        this.access = access;
        this.sampler = sampler;
        this.countCatalog = countCatalog;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> root() {
        return ConsoleAccess.redirect("/console/overview");
    }

    @Get(uri = "/sign-in", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> signInForm(HttpRequest<?> request) {
        if (access.open() || access.current(request).isPresent()) {
            return ConsoleAccess.redirect("/console/overview");
        }
        return ConsoleAccess.html(HttpStatus.OK, signInPage(""));
    }

    @Post(uri = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Nullable String key) {
        if (access.open()) {
            return ConsoleAccess.redirect("/console/overview");
        }
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return ConsoleAccess.html(HttpStatus.BAD_REQUEST, signInPage("The key field is required (an API key, "
                    + "at most " + MAX_KEY_LENGTH + " characters)."));
        }
        return access.signIn(key)
                .<MutableHttpResponse<?>>map(session -> ConsoleAccess.redirect("/console/overview")
                        .cookie(access.cookie(request, session.token())))
                .orElseGet(() -> ConsoleAccess.html(HttpStatus.UNAUTHORIZED,
                        signInPage("That key is not valid, or it has been revoked.")));
    }

    @Post(uri = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable String csrf) {
        return access.action(request, csrf, null, session -> {
            access.signOut(session);
            return ConsoleAccess.redirect(access.open() ? "/console/overview" : "/console/sign-in")
                    .cookie(access.expiredCookie(request));
        });
    }

    @Get(uri = "/assets/{name}", produces = {"text/css", "text/javascript", MediaType.TEXT_HTML})
    MutableHttpResponse<?> asset(@PathVariable("name") String name) {
        String type = ASSETS.get(name);
        if (type == null) {
            return ConsoleAccess.html(HttpStatus.NOT_FOUND, Html.frame("Not found", "<p>No such asset.</p>"));
        }
        try (InputStream in = ConsoleController.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console asset " + name + " is missing from the jar");
            }
            return HttpResponse.ok(in.readAllBytes()).contentType(type).header("Cache-Control", "max-age=300")
                    .header("X-Content-Type-Options", "nosniff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = "/overview", produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> overview(HttpRequest<?> request) {
        return access.page(request, null, session -> ConsoleAccess.html(HttpStatus.OK,
                Html.page("Overview", "overview", session, overviewBody())));
    }

    private String overviewBody() {
        CatalogCounts counts = countCatalog.count(new CountCatalogQuery());
        MetricsSampler.Totals totals = sampler.totals();
        List<MetricsSampler.Sample> samples = sampler.samples();
        double[] latency = sampler.latencyMillis();
        double fallbacks = totals.fallbacksByReason().values().stream().mapToDouble(Double::doubleValue).sum();
        double events = totals.eventsByType().values().stream().mapToDouble(Double::doubleValue).sum();

        StringBuilder body = new StringBuilder("<h1>Overview</h1><p class=\"note\">This instance, live: figures "
                + "since it started, charts over the last " + (MetricsSampler.CAPACITY * MetricsSampler.INTERVAL_SECONDS / 60)
                + " minutes (a sample every " + MetricsSampler.INTERVAL_SECONDS + " s, times in UTC).</p>");
        body.append("<section class=\"tiles\">")
                .append(tile("users", "Users", Html.number(counts.users())))
                .append(tile("items", "Items", Html.number(counts.items())))
                .append(tile("lake-events", "Events written to the lake", Html.number(totals.lakeEvents())))
                .append(tile("events", "Events applied", Html.number(events)))
                .append(tile("served", "Answers served", Html.number(totals.served())))
                .append(tile("fallback-share", "Fallback share",
                        totals.served() == 0 ? "–" : percent(fallbacks / totals.served())))
                .append(tile("p50", "p50 latency", millis(latency[0])))
                .append(tile("p99", "p99 latency", millis(latency[1])))
                .append("</section>");

        double[] xs = new double[samples.size()];
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> reasons = new TreeSet<>();
        for (int i = 0; i < samples.size(); i++) {
            xs[i] = samples.get(i).at().getEpochSecond();
            types.addAll(samples.get(i).eventsPerSecond().keySet());
            reasons.addAll(samples.get(i).fallbacksPerSecond().keySet());
        }
        List<SvgChart.Series> eventSeries = new ArrayList<>();
        for (String type : types) {
            eventSeries.add(new SvgChart.Series(type, values(samples, s -> s.eventsPerSecond().getOrDefault(type, 0.0))));
        }
        List<SvgChart.Series> servedSeries = new ArrayList<>();
        servedSeries.add(new SvgChart.Series("answers", values(samples, MetricsSampler.Sample::servedPerSecond)));
        for (String reason : reasons) {
            servedSeries.add(new SvgChart.Series("fallback: " + reason,
                    values(samples, s -> s.fallbacksPerSecond().getOrDefault(reason, 0.0))));
        }
        List<SvgChart.Series> latencySeries = List.of(
                new SvgChart.Series("p50", values(samples, MetricsSampler.Sample::p50Millis)),
                new SvgChart.Series("p99", values(samples, MetricsSampler.Sample::p99Millis)));
        List<String> reasonLabels = new ArrayList<>(totals.fallbacksByReason().keySet());
        double[] shares = new double[reasonLabels.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = totals.served() == 0 ? 0 : totals.fallbacksByReason().get(reasonLabels.get(i)) / totals.served();
        }
        body.append("<section class=\"charts\">")
                .append(SvgChart.lines("chart-events", "Events per second, by type", xs, eventSeries, ConsoleController::clock, "/s"))
                .append(SvgChart.lines("chart-latency", "Recommendation latency (ms)", xs, latencySeries, ConsoleController::clock, " ms"))
                .append(SvgChart.lines("chart-served", "Answers and fallbacks per second", xs, servedSeries, ConsoleController::clock, "/s"))
                .append(SvgChart.shares("chart-fallbacks", "Fallback share of answers, by reason (since start)", reasonLabels, shares))
                .append("</section>");
        return body.toString();
    }

    private static double[] values(List<MetricsSampler.Sample> samples,
                                   java.util.function.ToDoubleFunction<MetricsSampler.Sample> value) {
        double[] values = new double[samples.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsDouble(samples.get(i));
        }
        return values;
    }

    private static String clock(double epochSecond) {
        return CLOCK.format(Instant.ofEpochSecond((long) epochSecond));
    }

    private static String tile(String id, String label, String value) {
        return "<div class=\"tile\"><div class=\"label\">" + Html.text(label) + "</div><div class=\"value\" id=\"tile-"
                + id + "\">" + Html.text(value) + "</div></div>";
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, "%.1f ms", value);
    }

    private static String signInPage(String error) {
        return Html.frame("Sign in", "<main class=\"narrow\"><h1>Tandem console</h1>"
                + (error.isEmpty() ? "" : "<p class=\"error\" id=\"error\">" + Html.text(error) + "</p>")
                + "<form method=\"post\" action=\"/console/sign-in\" id=\"sign-in\">"
                + "<label for=\"key\">API key</label><input type=\"password\" id=\"key\" name=\"key\" "
                + "autocomplete=\"off\" required maxlength=\"" + MAX_KEY_LENGTH + "\">"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p class=\"note\">Create a key with <code>tandem keys create --scope admin --name console</code>. "
                + "Promoting, rolling back and starting jobs need the admin scope; Explore needs serve.</p></main>");
    }

    static Optional<String> nonEmpty(@Nullable String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
