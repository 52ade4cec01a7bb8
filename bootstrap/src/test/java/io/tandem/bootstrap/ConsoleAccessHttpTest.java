package io.tandem.bootstrap;

import io.tandem.application.access.port.in.CreateApiKeyCommand;
import io.tandem.application.access.port.in.CreateApiKeyUseCase;
import io.tandem.application.experiment.port.in.CreateExperimentCommand;
import io.tandem.application.experiment.port.in.CreateExperimentUseCase;
import io.tandem.application.experiment.port.in.ListExperimentsUseCase;
import io.tandem.application.experiment.port.in.StartExperimentCommand;
import io.tandem.application.experiment.port.in.StartExperimentUseCase;
import io.tandem.application.experiment.OnlineMetricsStore;
import io.tandem.application.jobs.port.in.ListJobsQuery;
import io.tandem.application.jobs.port.in.ListJobsUseCase;
import io.tandem.domain.access.Scope;
import io.tandem.domain.experiment.ExperimentStatus;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's door, over plain HTTP (ADR-0028): its cookie, its CSRF tokens, sign-in with a key and the scopes
 * behind each action, on an instance with API keys off (open to this machine) and one with keys on.
 */
class ConsoleAccessHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @AutoClose
    private static final TandemHttp open = TandemHttp.start(Map.of());
    @AutoClose
    private static final TandemHttp keyed = TandemHttp.start(Map.of("tandem.auth.enabled", true));

    @Test
    void withKeysOffTheConsoleOpensOnThisMachineWithAStrictHttpOnlyCookie() {
        TandemHttp.Response page = open.get("/console/overview");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("id=\"open-console\"").contains("id=\"tile-users\"");
        String cookie = page.header("Set-Cookie");
        assertThat(cookie).startsWith("tandem_console=").contains("HTTPOnly").contains("SameSite=Strict")
                .contains("Path=/console").doesNotContain("Secure");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aFormWithoutItsSessionsCsrfTokenChangesNothing() {
        TandemHttp.Response page = open.get("/console/jobs");
        String cookie = sessionCookie(page);
        String csrf = csrf(page.body());

        TandemHttp.Response forged = form(open, "/console/jobs", cookie, "type=train&csrf=" + csrf + "x");
        TandemHttp.Response missing = form(open, "/console/jobs", cookie, "type=train");
        TandemHttp.Response noSession = form(open, "/console/jobs", "", "type=train&csrf=" + csrf);

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("csrf");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(noSession.status()).isEqualTo(403);
        assertThat(open.context().getBean(ListJobsUseCase.class).list(new ListJobsQuery(10))).isEmpty();

        TandemHttp.Response badType = form(open, "/console/jobs", cookie, "type=dance&csrf=" + csrf);
        assertThat(badType.status()).isEqualTo(303);
        assertThat(open.send("GET", "/console/jobs", Map.of("Cookie", cookie), new byte[0]).body())
                .contains("Not started: type");
    }

    @Test
    void exploreNamesAFieldItCannotUseAndKeepsIdsExact() {
        TandemHttp.Response padded = open.get("/console/explore?user=%20u1");
        TandemHttp.Response item = open.get("/console/explore?item=" + "x".repeat(300));

        assertThat(padded.status()).isEqualTo(400);
        assertThat(padded.body()).contains("id=\"error\">user:");
        assertThat(item.status()).isEqualTo(400);
        assertThat(item.body()).contains("id=\"error\">item:");
        assertThat(padded.body()).doesNotContain("Exception").doesNotContain("io.tandem");
    }

    @Test
    void withKeysOnAPageAsksForSignInAndABadKeyIsRefusedWithoutBeingEchoed() {
        TandemHttp.Response page = keyed.get("/console/models");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/console/sign-in");

        String wrong = "tdm_abcdefgh_" + "A".repeat(43);
        TandemHttp.Response refused = form(keyed, "/console/sign-in", "", "key=" + wrong);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("not valid").doesNotContain(wrong).doesNotContain("A".repeat(43));
        assertThat(refused.header("Set-Cookie")).isEmpty();
        assertThat(form(keyed, "/console/sign-in", "", "key=").status()).isEqualTo(400);
    }

    @Test
    void aServeKeySignsInButItsSessionMayNotPromoteRollBackOrStartJobs() {
        String serve = keyed.context().getBean(CreateApiKeyUseCase.class).create(new CreateApiKeyCommand("viewer",
                EnumSet.of(Scope.SERVE), Optional.empty())).token();
        TandemHttp.Response signedIn = form(keyed, "/console/sign-in", "", "key=" + serve);
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).isEqualTo("/console/overview");
        String cookie = sessionCookie(signedIn);
        TandemHttp.Response jobs = keyed.send("GET", "/console/jobs", Map.of("Cookie", cookie), new byte[0]);
        assertThat(jobs.status()).isEqualTo(200);
        assertThat(jobs.body()).contains("viewer").doesNotContain(serve).doesNotContain("id=\"start-job\"");
        String csrf = csrf(jobs.body());

        assertThat(form(keyed, "/console/jobs", cookie, "type=train&csrf=" + csrf).status()).isEqualTo(403);
        assertThat(form(keyed, "/console/models/two-stage/rollback", cookie, "csrf=" + csrf).status()).isEqualTo(403);
        assertThat(form(keyed, "/console/models/two-stage/versions/v1/promote", cookie, "csrf=" + csrf).status())
                .isEqualTo(403);
        assertThat(keyed.context().getBean(ListJobsUseCase.class).list(new ListJobsQuery(10))).isEmpty();

        TandemHttp.Response out = form(keyed, "/console/sign-out", cookie, "csrf=" + csrf);
        assertThat(out.status()).isEqualTo(303);
        assertThat(keyed.send("GET", "/console/jobs", Map.of("Cookie", cookie), new byte[0]).status())
                .as("the session ended").isEqualTo(303);
    }

    @Test
    void theExperimentsPageListsThemReadsOneOutWithItsSampleRatioWarningAndAServeKeyMayNotChangeThem() {
        keyed.context().getBean(CreateExperimentUseCase.class).create(new CreateExperimentCommand("skew-1",
                Optional.empty(), Optional.of("skew"), List.of(Variant.of("a", 0.5, VariantModel.champion()),
                        Variant.of("b", 0.5, VariantModel.ruleBasedFallback())), OptionalDouble.empty()));
        keyed.context().getBean(StartExperimentUseCase.class).start(new StartExperimentCommand("skew-1"));
        ExperimentCells.cells("skew-1", 1_000, 1_300, 0.2, 0.2)
                .writeTo(keyed.context().getBean(OnlineMetricsStore.class));
        String serve = keyed.context().getBean(CreateApiKeyUseCase.class).create(new CreateApiKeyCommand("reader",
                EnumSet.of(Scope.SERVE), Optional.empty())).token();
        String cookie = sessionCookie(form(keyed, "/console/sign-in", "", "key=" + serve));

        TandemHttp.Response listing = keyed.send("GET", "/console/experiments", Map.of("Cookie", cookie), new byte[0]);
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body()).contains("data-experiment=\"skew-1\"").contains("running");
        TandemHttp.Response shown = keyed.send("GET", "/console/experiments/skew-1", Map.of("Cookie", cookie),
                new byte[0]);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"srm-warning\"").contains("data-variant=\"b\"")
                .doesNotContain("id=\"stop-experiment\"").doesNotContain("id=\"decide-experiment\"");
        assertThat(keyed.send("GET", "/console/experiments/nope", Map.of("Cookie", cookie), new byte[0]).status())
                .isEqualTo(404);

        String csrf = csrf(shown.body());
        assertThat(form(keyed, "/console/experiments/skew-1/stop", cookie, "csrf=" + csrf).status()).isEqualTo(403);
        assertThat(form(keyed, "/console/experiments/skew-1/decide", cookie, "csrf=" + csrf).status()).isEqualTo(403);
        assertThat(keyed.context().getBean(ListExperimentsUseCase.class).list().get(0).status())
                .as("a serve key stops nothing").isEqualTo(ExperimentStatus.RUNNING);
    }

    @Test
    void anExperimentActionWithoutItsSessionsCsrfTokenChangesNothing() {
        open.context().getBean(CreateExperimentUseCase.class).create(new CreateExperimentCommand("csrf-1",
                Optional.empty(), Optional.of("csrf"), List.of(Variant.of("a", 0.5, VariantModel.champion()),
                        Variant.of("b", 0.5, VariantModel.ruleBasedFallback())), OptionalDouble.empty()));
        TandemHttp.Response page = open.get("/console/experiments/csrf-1");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"start-experiment\"").contains("data-confirm=");
        String cookie = sessionCookie(page);
        String csrf = csrf(page.body());

        assertThat(form(open, "/console/experiments/csrf-1/start", cookie, "csrf=" + csrf + "x").status())
                .isEqualTo(403);
        assertThat(open.get("/v1/experiments/csrf-1").tree().get("status").getStringValue()).isEqualTo("draft");
        TandemHttp.Response started = form(open, "/console/experiments/csrf-1/start", cookie, "csrf=" + csrf);
        assertThat(started.status()).isEqualTo(303);
        assertThat(open.get("/v1/experiments/csrf-1").tree().get("status").getStringValue()).isEqualTo("running");
    }

    private static TandemHttp.Response form(TandemHttp tandem, String path, String cookie, String body) {
        Map<String, String> headers = cookie.isEmpty()
                ? Map.of("Content-Type", "application/x-www-form-urlencoded")
                : Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie);
        return tandem.send("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String sessionCookie(TandemHttp.Response response) {
        String header = response.header("Set-Cookie");
        assertThat(header).startsWith("tandem_console=");
        return header.substring(0, header.indexOf(';'));
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in " + html).isTrue();
        return matcher.group(1);
    }
}
