package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.tandem.application.access.port.in.CreateApiKeyCommand;
import io.tandem.application.access.port.in.CreateApiKeyUseCase;
import io.tandem.application.experiment.port.in.CreateExperimentCommand;
import io.tandem.application.experiment.port.in.CreateExperimentUseCase;
import io.tandem.application.experiment.OnlineMetricsStore;
import io.tandem.application.jobs.port.in.FindJobQuery;
import io.tandem.application.jobs.port.in.FindJobUseCase;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.domain.access.Scope;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.model.ModelStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: Debian's headless chromium driven through its chromedriver (installed by
 * {@code scripts/services.sh up browser}; no browser or driver is ever downloaded). One demo instance with API keys
 * on serves every test: it loads the synthetic demo data and trains, as {@code tandem demo} does. The tests sign in
 * (a bad key, a serve key that is offered no admin action, sign-out, an admin key), read the overview's figures, explore a user and an item, start a training job and watch its progress, then promote
 * and roll back a version, and start, read out and decide an experiment. Each page is saved as a screenshot in {@code bootstrap/target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String USER = "u00000";

    private static ApplicationContext tandem;
    private static String adminKey;
    private static String serveKey;
    private static String base;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startTandemAndBrowser() throws IOException, InterruptedException {
        assertThat(CHROMIUM).as("run scripts/services.sh up browser to install Debian's chromium").isExecutable();
        assertThat(CHROMEDRIVER).as("run scripts/services.sh up browser to install chromium-driver").isExecutable();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Object> properties = new HashMap<>(TandemHttp.isolated());
        properties.put("tandem.auth.enabled", true);
        tandem = new MicronautTandemLauncher().startDemo(new PrintStream(printed, true, StandardCharsets.UTF_8),
                properties);
        CreateApiKeyUseCase keys = tandem.getBean(CreateApiKeyUseCase.class);
        adminKey = keys.create(new CreateApiKeyCommand("console-admin", EnumSet.of(Scope.ADMIN), Optional.empty()))
                .token();
        serveKey = keys.create(new CreateApiKeyCommand("console-viewer", EnumSet.of(Scope.SERVE), Optional.empty()))
                .token();
        base = tandem.getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL().toString()
                .replace("://[::1]", "://localhost");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Console: " + base + "/console")
                .contains("sign in with an API key");
        serveSomeRecommendations();

        profile = Files.createTempDirectory("tandem-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (tandem != null) {
            tandem.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @Order(0)
    void signingInTakesAValidKeyAndItsScopesDecideWhatTheConsoleOffers() {
        browser.get(base + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
        signIn("tdm_notakey_" + "x".repeat(43));
        assertThat(browser.findElement(By.id("error")).getText()).contains("not valid");
        assertThat(browser.getPageSource()).doesNotContain("tdm_notakey_");
        screenshot("sign-in");

        signIn(serveKey);
        assertThat(browser.getCurrentUrl()).endsWith("/console/overview");
        assertThat(browser.findElement(By.id("signed-in")).getText()).contains("console-viewer").contains("serve");
        browser.get(base + "/console/models");
        assertThat(browser.findElements(By.cssSelector("button.promote"))).as("promote needs admin").isEmpty();
        assertThat(browser.findElements(By.cssSelector("button.rollback"))).as("rollback needs admin").isEmpty();
        submit(browser.findElement(By.id("sign-out")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
        browser.get(base + "/console/models");
        assertThat(browser.getCurrentUrl()).as("signed out").endsWith("/console/sign-in");

        signIn(adminKey);
        assertThat(browser.findElement(By.id("signed-in")).getText()).contains("console-admin").contains("admin");
    }

    @Test
    @Order(1)
    void theOverviewShowsTheDemosTrafficCatalogAndLatencyAsFigures() {
        browser.get(base + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/overview");
        assertThat(number("tile-users")).isPositive();
        assertThat(number("tile-items")).isPositive();
        assertThat(number("tile-lake-events")).isPositive();
        assertThat(number("tile-events")).isPositive();
        assertThat(number("tile-served")).isGreaterThanOrEqualTo(20);
        // The page refreshes itself every few seconds; the latency chart fills once a sample holds the requests.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("#chart-latency path.line")).isEmpty()
                    && !d.findElements(By.cssSelector("#chart-events path.line")).isEmpty();
        });
        assertDrawn("chart-events");
        assertDrawn("chart-latency");
        assertDrawn("chart-served");
        assertThat(browser.findElement(By.id("tile-p99")).getText()).endsWith("ms");
        List<String> eventTypes = browser.findElements(By.cssSelector("#chart-events .legend li")).stream()
                .map(WebElement::getText).toList();
        assertThat(eventTypes).contains("click", "impression");
        screenshot("overview");
    }

    @Test
    @Order(2)
    void exploringAUserShowsHistoryBesideExplainedRecommendationsAndAnItemItsNeighbours() {
        browser.get(base + "/console/explore");
        browser.findElement(By.id("user")).sendKeys(USER);
        submit(browser.findElement(By.cssSelector("#explore-user button")));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("user-section")));
        assertThat(browser.findElements(By.cssSelector("#history li"))).isNotEmpty();
        List<WebElement> recommendations = browser.findElements(By.cssSelector("#recommendations li"));
        assertThat(recommendations).hasSize(10);
        assertThat(recommendations.get(0).findElement(By.cssSelector(".sources")).getText()).isNotBlank();
        assertThat(recommendations.get(0).findElements(By.cssSelector(".tag"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#user-section .answer")).getText()).contains("two-stage");
        assertThat(browser.findElements(By.cssSelector("#recommendations details.explanation"))).isNotEmpty();
        screenshot("explore-user");

        submit(recommendations.get(0).findElement(By.cssSelector("a.item-id")));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("item-section")));
        assertThat(browser.findElements(By.cssSelector("#similar li"))).isNotEmpty();
        screenshot("explore-item");

        browser.get(base + "/console/explore?user=%20" + USER);
        assertThat(browser.findElement(By.id("error")).getText()).startsWith("user:");
    }

    @Test
    @Order(3)
    void aTrainingJobStartedHereShowsItsProgressUntilItHasFinished() {
        browser.get(base + "/console/jobs");
        screenshot("jobs-empty");
        submit(browser.findElement(By.id("start-job-button")));
        String notice = browser.findElement(By.id("notice")).getText();
        assertThat(notice).startsWith("Started train job ");
        String jobId = notice.substring("Started train job ".length(), notice.length() - 1);
        String row = "#jobs tr.job[data-job='" + jobId + "'] ";
        // The page replaces its <main> every second while the job runs: every read looks the row up afresh.
        assertThat(text(row + ".status")).isIn("queued", "running", "succeeded");
        screenshot("jobs-running");
        Set<String> progressSeen = new TreeSet<>();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(240)).pollingEvery(Duration.ofMillis(300))
                    .ignoring(StaleElementReferenceException.class).until(d -> {
                        progressSeen.add(d.findElement(By.cssSelector(row + ".pct")).getText());
                        String status = d.findElement(By.cssSelector(row + ".status")).getText();
                        return status.equals("succeeded") || status.equals("failed");
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("jobs-timeout");
            throw new AssertionError("the page still shows " + text(row) + " while the job store says "
                    + tandem.getBean(FindJobUseCase.class).find(new FindJobQuery(jobId)), e);
        }
        assertThat(text(row + ".status")).isEqualTo("succeeded");
        assertThat(text(row + ".pct")).isEqualTo("100%");
        assertThat(progressSeen).as("the page showed the job's progress as it went").hasSizeGreaterThan(1);
        screenshot("jobs-finished");
    }

    @Test
    @Order(4)
    void aVersionIsPromotedAndRolledBackAfterAConfirmation() {
        browser.get(base + "/console/models");
        assertDrawn("chart-metrics-two-stage");
        assertThat(browser.findElements(By.cssSelector("table.versions tr[data-version]")).size())
                .isGreaterThanOrEqualTo(2);
        screenshot("models");
        String before = champion();
        WebElement challenger = browser.findElement(By.cssSelector("table.versions tr:not(.stage-champion) "
                + "button.promote"));
        String promoted = challenger.findElement(By.xpath("ancestor::tr")).getAttribute("data-version");

        challenger.click();
        browser.switchTo().alert().dismiss();
        assertThat(champion()).as("a dismissed confirmation changes nothing").isEqualTo(before);

        WebElement promote = browser.findElement(By.cssSelector("tr[data-version='" + promoted + "'] button.promote"));
        promote.click();
        browser.switchTo().alert().accept();
        awaitNextPage(promote);
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Promoted two-stage " + promoted);
        assertThat(champion()).isEqualTo(promoted);
        screenshot("models-promoted");

        WebElement rollback = browser.findElement(By.cssSelector("button.rollback"));
        rollback.click();
        browser.switchTo().alert().accept();
        awaitNextPage(rollback);
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Rolled back: two-stage " + before);
        assertThat(champion()).isEqualTo(before);
        screenshot("models-rolled-back");
    }

    @Test
    @Order(5)
    void anExperimentIsStartedReadOutAndDecidedFromItsPageAfterConfirmations() {
        browser.get(base + "/console/experiments");
        assertThat(browser.findElement(By.id("no-experiments")).getText()).startsWith("No experiment yet");
        String pinned = tandem.getBean(LoadModelVersionsPort.class).loadVersions("two-stage").stream()
                .filter(v -> v.stage() != ModelStage.CHAMPION).findFirst().orElseThrow().version();
        tandem.getBean(CreateExperimentUseCase.class).create(new CreateExperimentCommand("console-ab",
                Optional.empty(), Optional.of("console"), List.of(Variant.of("a", 0.5, VariantModel.champion()),
                        Variant.of("b", 0.5, VariantModel.version("two-stage", pinned))), OptionalDouble.empty()));

        browser.get(base + "/console/experiments");
        WebElement row = browser.findElement(By.cssSelector("#experiments tr[data-experiment='console-ab']"));
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("draft");
        assertThat(row.getText()).contains("two-stage " + pinned);
        screenshot("experiments");
        submit(row.findElement(By.linkText("console-ab")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("draft");

        WebElement start = browser.findElement(By.id("start-experiment"));
        start.click();
        browser.switchTo().alert().dismiss();
        assertThat(browser.findElement(By.id("status")).getText()).as("a dismissed confirmation changes nothing")
                .isEqualTo("draft");
        start.click();
        browser.switchTo().alert().accept();
        awaitNextPage(start);
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Started console-ab.");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("running");
        assertThat(browser.findElement(By.id("no-served-lists")).getText()).contains("No served lists yet");

        ExperimentCells.cells("console-ab", 300, 300, 0.2, 0.5).writeTo(tandem.getBean(OnlineMetricsStore.class));
        browser.get(base + "/console/experiments/console-ab");
        assertThat(browser.findElement(By.cssSelector("#variants tr[data-variant='b'] .impressions")).getText())
                .isEqualTo("1,500");
        assertThat(browser.findElement(By.cssSelector("#variants tr[data-variant='b'] .ctr")).getText())
                .matches("0\\.[45]\\d* \\[0\\.\\d+, 0\\.\\d+\\]");
        assertThat(browser.findElement(By.id("srm-ok")).getText()).startsWith("Sample ratio as configured");
        assertThat(text(".comparison[data-challenger='b'] .verdict")).isEqualTo("ship");
        screenshot("experiment-readout");

        WebElement decide = browser.findElement(By.id("decide-experiment"));
        decide.click();
        browser.switchTo().alert().accept();
        awaitNextPage(decide);
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Decided: two-stage " + pinned);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("stopped");
        assertThat(browser.findElement(By.cssSelector("#decisions tr[data-version='" + pinned + "'] .outcome"))
                .getText()).isIn("promoted", "won-not-promoted");
        screenshot("experiment-decided");
    }

    /** The text of the element the selector names now, however often the page has replaced it. */
    private static String text(String selector) {
        return new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(selector)).getText());
    }

    private static void signIn(String key) {
        browser.get(base + "/console/sign-in");
        browser.findElement(By.id("key")).sendKeys(key);
        submit(browser.findElement(By.cssSelector("#sign-in button")));
    }

    /** Clicks a form's button and waits for the page the form leads to (a click does not wait for it). */
    private static void submit(WebElement button) {
        button.click();
        awaitNextPage(button);
    }

    private static void awaitNextPage(WebElement fromThePageBefore) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(fromThePageBefore));
    }

    private static String champion() {
        return browser.findElement(By.cssSelector("section[data-model='two-stage'] tr.stage-champion"))
                .getAttribute("data-version");
    }

    private static void assertDrawn(String chartId) {
        WebElement chart = browser.findElement(By.id(chartId));
        assertThat(chart.findElements(By.cssSelector("p.empty"))).as(chartId + " is empty").isEmpty();
        List<WebElement> lines = chart.findElements(By.cssSelector("path.line"));
        assertThat(lines).as(chartId + " has lines").isNotEmpty();
        assertThat(lines.get(0).getAttribute("d")).startsWith("M");
        assertThat(chart.findElements(By.cssSelector("circle.point"))).isNotEmpty();
    }

    private static double number(String id) {
        String text = browser.findElement(By.id(id)).getText().replace(",", "");
        return Double.parseDouble(text);
    }

    private static void screenshot(String name) {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Recommendation requests over HTTP, so the overview has answers and latency to show. */
    private static void serveSomeRecommendations() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 40; i++) {
            String user = String.format("u%05d", i);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/v1/users/" + user + "/recommendations?count=10"))
                            .header("Authorization", "Bearer " + serveKey).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }
}
