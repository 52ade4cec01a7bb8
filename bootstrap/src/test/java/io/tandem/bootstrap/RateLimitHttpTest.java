package io.tandem.bootstrap;

import io.tandem.application.access.port.in.CreateApiKeyCommand;
import io.tandem.application.access.port.in.CreateApiKeyUseCase;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits per key and route class from the front door (ADR-0027): a noisy key over its limit gets 429 with
 * {@code Retry-After} while a quiet key keeps getting 200, and the noisy key's other route classes stay open. The
 * quiet key's latency with and without the noise is printed (a measurement, not an assertion: this machine's two
 * cores are shared).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitHttpTest {

    private static final String RECOMMEND = "/v1/users/u1/recommendations?count=5";
    private static final int QUIET_REQUESTS = 300;

    private TandemHttp tandem;
    private String noisy;
    private String quiet;

    @BeforeAll
    void start() {
        tandem = TandemHttp.start(Map.of("tandem.auth.enabled", true));
        CreateApiKeyUseCase create = tandem.context().getBean(CreateApiKeyUseCase.class);
        noisy = create.create(new CreateApiKeyCommand("noisy", EnumSet.of(Scope.SERVE, Scope.INGEST),
                Optional.of(new RateLimit(20, 20)))).token();
        quiet = create.create(new CreateApiKeyCommand("quiet", EnumSet.of(Scope.SERVE), Optional.empty())).token();
        String admin = create.create(new CreateApiKeyCommand("setup", EnumSet.of(Scope.INGEST), Optional.empty()))
                .token();
        TandemHttp.Response items = tandem.send("POST", "/v1/items:batch", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + admin), "[{\"itemId\":\"i1\"},{\"itemId\":\"i2\"},{\"itemId\":\"i3\"}]"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(items.status()).as(items.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (tandem != null) {
            tandem.close();
        }
    }

    private TandemHttp.Response get(String key, String path) {
        return tandem.send("GET", path, Map.of("Authorization", "Bearer " + key), new byte[0]);
    }

    @Test
    void aNoisyKeyGets429WithRetryAfterWhileAQuietKeyKeepsGetting200() throws Exception {
        long[] alone = quietLatencies();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger noisyOk = new AtomicInteger();
        AtomicInteger noisyLimited = new AtomicInteger();
        List<TandemHttp.Response> samples = new ArrayList<>();
        ExecutorService hammer = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int thread = 0; thread < 3; thread++) {
            running.add(hammer.submit(() -> {
                while (!stop.get()) {
                    TandemHttp.Response response = get(noisy, RECOMMEND);
                    if (response.status() == 429) {
                        if (noisyLimited.incrementAndGet() == 1) {
                            synchronized (samples) {
                                samples.add(response);
                            }
                        }
                    } else if (response.status() == 200) {
                        noisyOk.incrementAndGet();
                    }
                }
            }));
        }
        long[] underNoise;
        try {
            // Let the noisy key empty its bucket first.
            while (noisyLimited.get() == 0) {
                Thread.sleep(5);
            }
            underNoise = quietLatencies();
            TandemHttp.Response ingest = tandem.send("PUT", "/v1/users/u9", Map.of("Content-Type",
                    "application/json", "Authorization", "Bearer " + noisy), "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(ingest.status()).as("the noisy key's ingest bucket is its own: %s", ingest.body())
                    .isEqualTo(200);
        } finally {
            stop.set(true);
            hammer.shutdown();
            assertThat(hammer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> future : running) {
            future.get();
        }

        TandemHttp.Response limited = samples.get(0);
        assertProblem(limited, 429, "Authorization");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        // tdm_<id>_<secret>: the secret (base64url, which may itself hold '_') follows the id's separator.
        assertThat(limited.body()).doesNotContain(noisy.substring(noisy.indexOf('_', "tdm_".length()) + 1));
        assertThat(noisyLimited.get()).isGreaterThan(noisyOk.get());
        System.out.printf(Locale.ROOT, "noisy key (20/s, burst 20): %d answered, %d refused with 429%n",
                noisyOk.get(), noisyLimited.get());
        System.out.printf(Locale.ROOT, "quiet key, %d sequential requests: alone p50 %.2f ms p99 %.2f ms; "
                        + "beside the noisy key p50 %.2f ms p99 %.2f ms%n", QUIET_REQUESTS,
                percentile(alone, 0.50), percentile(alone, 0.99), percentile(underNoise, 0.50),
                percentile(underNoise, 0.99));
    }

    /** The quiet key's requests one after another; every one must be answered 200. */
    private long[] quietLatencies() {
        long[] nanos = new long[QUIET_REQUESTS];
        for (int i = 0; i < QUIET_REQUESTS; i++) {
            long started = System.nanoTime();
            TandemHttp.Response response = get(quiet, RECOMMEND);
            nanos[i] = System.nanoTime() - started;
            assertThat(response.status()).as("quiet request %d: %s", i, response.body()).isEqualTo(200);
        }
        return nanos;
    }

    private static double percentile(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
