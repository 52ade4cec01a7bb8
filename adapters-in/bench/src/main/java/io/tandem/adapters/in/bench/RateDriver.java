package io.tandem.adapters.in.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The HTTP part of {@code bench serve}: {@code GET /v1/users/{id}/recommendations} checked to answer from the model,
 * warmed up, then driven open-loop at each rate, and the table of what each rate achieved.
 */
final class RateDriver {

    /**
     * What is asked and how hard.
     *
     * @param count items asked for per request
     */
    record Plan(int[] rates, int seconds, int warmup, int count, double newUsers, int timeoutMs, int maxInFlight,
                long seed) {
    }

    private static final String HTTP_THREADS = "tandem-bench-http";

    private final String url;
    private final Plan plan;
    private final RunProgress progress;
    private final PrintStream out;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(BenchThreads.daemons(2, HTTP_THREADS))
            .build();

    RateDriver(String url, Plan plan, RunProgress progress, PrintStream out) {
        this.url = url;
        this.plan = plan;
        this.progress = progress;
        this.out = out;
    }

    /** Checks that HTTP answers from the model, warms up, then runs each rate. */
    List<RateResult> drive(List<String> known, ServedCandidates served, BenchAdapters chosen)
            throws InterruptedException {
        // A first answer from the fallback can be a cold start (a dependency timing out once on a busy machine, its
        // circuit then open for tandem.serving.circuit-open-for, 2 s): tries for 15 s, several such periods, before
        // deciding that the model does not answer.
        String first = "";
        for (int attempt = 0; attempt < 30 && !first.contains("\"model\":{"); attempt++) {
            if (attempt > 0) {
                Thread.sleep(500);
            }
            first = get(known.isEmpty() ? "new-user" : known.get(0), plan.count());
        }
        if (!first.contains("\"model\":{")) {
            throw new IllegalStateException("the model does not answer over HTTP: " + first);
        }
        OpenLoopLoad load = new OpenLoopLoad(url, known, plan.newUsers(), plan.count(),
                Duration.ofMillis(plan.timeoutMs()), plan.maxInFlight());
        if (plan.warmup() > 0) {
            progress.line("warm-up: %d s at %d rps (not recorded)", plan.warmup(), plan.rates()[0]);
            load.run(new OpenLoopSchedule(plan.rates()[0], plan.warmup()), plan.seed() - 1);
        }
        // The load generator: this thread sends, the client's thread receives.
        CpuClock cpu = new CpuClock(Set.of(Thread.currentThread().getId()),
                Set.of(KeepAliveHttpClient.RECEIVER_THREAD));
        List<RateResult> results = new ArrayList<>();
        for (int rate : plan.rates()) {
            // Longer than a circuit stays open (tandem.serving.circuit-open-for, 2 s): each rate starts closed.
            BenchThreads.sleep(Duration.ofSeconds(3));
            double loadBefore = loadAverage();
            progress.line("rate %,d rps for %d s (load average %.2f)", rate, plan.seconds(), loadBefore);
            CpuClock.Sample cpuBefore = cpu.sample();
            long wallBefore = System.nanoTime();
            OpenLoopLoad.Measured measured = load.run(new OpenLoopSchedule(rate, plan.seconds()),
                    plan.seed() + rate);
            long wall = System.nanoTime() - wallBefore;
            CpuClock.Sample cpuAfter = cpu.sample();
            long processCpu = cpuBefore.processNanos() < 0 ? -1 : cpuAfter.processNanos() - cpuBefore.processNanos();
            long serverCpu = processCpu < 0 ? -1 : processCpu - cpuAfter.clientNanosSince(cpuBefore);
            RateResult result = new RateResult(rate, plan.seconds(), measured.sent(), measured.ok(),
                    measured.errors(), measured.dropped(), measured.okPerSecond(), measured.latency().millis(50),
                    measured.latency().millis(95), measured.latency().millis(99), measured.latency().maxMillis(),
                    measured.fallbackShare(), measured.modelLatency().millis(50), measured.modelLatency().millis(99),
                    measured.fallbackReasons(), served.meanCount(), served.p50Count(), served.minCount(),
                    chosen.label(), loadAverage(), CpuClock.cores(processCpu, wall),
                    CpuClock.msPerRequest(processCpu, measured.ok()), CpuClock.msPerRequest(serverCpu, measured.ok()));
            progress.line("  %s", result.toJson());
            results.add(result);
        }
        return Collections.unmodifiableList(results);
    }

    /**
     * One request, waited for; the body of a 200. The JDK's client serves these one-at-a-time calls (the check, the
     * stage breakdown's HTTP round trip): they are not part of a rate's load.
     */
    String get(String user, int items) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/users/" + user + "/recommendations?count="
                + items)).timeout(Duration.ofMillis(plan.timeoutMs())).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    void printTable(List<RateResult> results) {
        out.printf("%n  %6s %9s %8s %8s %8s %8s %7s %8s %9s %10s %10s %19s %9s %6s %8s %8s%n", "rate", "achieved",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "dropped", "fallback", "model p50", "model p99",
                "ranked mean/p50/min", "load avg", "cores", "cpu ms", "srv ms");
        for (RateResult r : results) {
            out.printf(Locale.ROOT, "  %6d %9.1f %8.2f %8.2f %8.2f %8.1f %7d %8d %8.1f%% %10.2f %10.2f %19s %9.2f %6.2f"
                            + " %8.3f %8.3f%n",
                    r.rate(), r.achievedRps(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.errors(), r.dropped(),
                    r.fallbackShare() * 100, r.modelP50Ms(), r.modelP99Ms(),
                    String.format(Locale.ROOT, "%.1f/%d/%d", r.candidatesRanked(), r.candidatesP50(),
                            r.candidatesMin()), r.loadAverage(), r.cpuCores(), r.cpuMsPerRequest(),
                    r.serverCpuMsPerRequest());
        }
        out.println("  cpu ms: process CPU per request answered (server and load generator); srv ms: the same without "
                + "the load generator's threads");
        for (RateResult r : results) {
            if (!r.fallbackReasons().isEmpty()) {
                out.printf("  fallback reasons at %d rps: %s%n", r.rate(), r.fallbackReasons());
            }
        }
        out.println();
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
