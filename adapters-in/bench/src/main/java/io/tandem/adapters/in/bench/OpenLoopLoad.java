package io.tandem.adapters.in.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends recommendation requests on an {@link OpenLoopSchedule}: one thread sends each request when it is due,
 * without waiting for earlier answers (keep-alive HTTP/1.1 connections, {@link KeepAliveHttpClient}), and each
 * answer is timed from its due time. A request is not sent when {@code maxInFlight} requests are already waiting; it
 * counts as dropped.
 */
final class OpenLoopLoad {

    private static final Pattern FALLBACK_USED = Pattern.compile(
            "\"fallback\"\\s*:\\s*\\{\\s*\"used\"\\s*:\\s*true\\s*,\\s*\"reason\"\\s*:\\s*\"([^\"]*)\"");
    /** Fallback reasons kept apart; rarer ones are counted together. */
    private static final int REASONS = 5;
    private static final int REASON_LENGTH = 80;
    /** Status of a request that failed without an answer (timeout, refused connection). */
    static final int FAILED = -1;
    /** Status of a request never sent because too many were waiting. */
    static final int DROPPED = -2;

    private final URI baseUrl;
    private final List<String> knownUsers;
    private final double newUserShare;
    private final int count;
    private final Duration timeout;
    private final int maxInFlight;

    OpenLoopLoad(String baseUrl, List<String> knownUsers, double newUserShare, int count, Duration timeout,
                 int maxInFlight) {
        this.baseUrl = URI.create(baseUrl);
        this.knownUsers = List.copyOf(knownUsers);
        this.newUserShare = newUserShare;
        this.count = count;
        this.timeout = timeout;
        this.maxInFlight = maxInFlight;
    }

    /** Runs {@code schedule} and waits for the last answer (or its timeout). */
    Measured run(OpenLoopSchedule schedule, long seed) throws InterruptedException {
        int requests = schedule.requests();
        byte[][] prepared = prepare(requests, seed);
        long[] dues = new long[requests];
        long[] latencies = new long[requests];
        int[] statuses = new int[requests];
        String[] fallback = new String[requests];
        AtomicInteger inFlight = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(requests);
        AtomicLong lastAnswer = new AtomicLong();
        KeepAliveHttpClient.Answers answers = (request, status, reason, now) -> {
            latencies[request] = now - dues[request];
            statuses[request] = status;
            fallback[request] = reason;
            lastAnswer.accumulateAndGet(now, Math::max);
            inFlight.decrementAndGet();
            answered.countDown();
        };
        long start = System.nanoTime() + 1_000_000;
        try (KeepAliveHttpClient client = new KeepAliveHttpClient(new InetSocketAddress(baseUrl.getHost(),
                baseUrl.getPort()), timeout, answers)) {
            for (int i = 0; i < requests; i++) {
                long due = start + schedule.dueNanos(i);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (inFlight.get() >= maxInFlight) {
                    statuses[i] = DROPPED;
                    answered.countDown();
                    continue;
                }
                inFlight.incrementAndGet();
                dues[i] = due;
                client.send(i, prepared[i]);
            }
            if (!answered.await(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(answered.getCount() + " requests neither answered nor timed out");
            }
        }
        return Measured.of(latencies, statuses, fallback, (lastAnswer.get() - start) / 1e9);
    }

    /** Why the fallback answered, shortened; null when the model answered. */
    static String fallbackReason(String body) {
        Matcher matcher = FALLBACK_USED.matcher(body);
        if (!matcher.find()) {
            return null;
        }
        String reason = matcher.group(1);
        return reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) + "..." : reason;
    }

    /**
     * The requests, encoded before the clock starts: mostly known users, {@code newUserShare} users never seen. The
     * headers are those any HTTP/1.1 client sends for a GET of JSON.
     */
    private byte[][] prepare(int requests, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String host = baseUrl.getHost() + ":" + baseUrl.getPort();
        byte[][] prepared = new byte[requests][];
        for (int i = 0; i < requests; i++) {
            String user = random.nextDouble() < newUserShare || knownUsers.isEmpty()
                    ? "new-" + seed + "-" + i : knownUsers.get(random.nextInt(knownUsers.size()));
            prepared[i] = ("GET " + baseUrl.getRawPath() + "/v1/users/" + user + "/recommendations?count=" + count
                    + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\nUser-Agent: tandem-bench\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return prepared;
    }

    /**
     * What one run measured, before it is summarised: every sent request's latency, the model's answers' alone,
     * and how often each fallback reason came (the most frequent {@value #REASONS}, the rest as "other").
     */
    record Measured(int sent, int ok, int errors, int dropped, double okPerSecond, LatencyPercentiles latency,
                    LatencyPercentiles modelLatency, double fallbackShare, Map<String, Integer> fallbackReasons) {

        /**
         * @param fallback the fallback's reason per request, null where the model answered or nothing came back
         * @param seconds  from the first due time to the last answer
         */
        static Measured of(long[] latencies, int[] statuses, String[] fallback, double seconds) {
            long[] timed = new long[latencies.length];
            long[] modelled = new long[latencies.length];
            Map<String, Integer> reasons = new HashMap<>();
            int sent = 0;
            int model = 0;
            int ok = 0;
            int errors = 0;
            int dropped = 0;
            int fallbacks = 0;
            for (int i = 0; i < statuses.length; i++) {
                if (statuses[i] == DROPPED) {
                    dropped++;
                    continue;
                }
                timed[sent++] = latencies[i];
                if (statuses[i] != 200) {
                    errors++;
                    continue;
                }
                ok++;
                if (fallback[i] == null) {
                    modelled[model++] = latencies[i];
                } else {
                    fallbacks++;
                    reasons.merge(fallback[i], 1, Integer::sum);
                }
            }
            return new Measured(sent, ok, errors, dropped, seconds > 0 ? ok / seconds : 0,
                    new LatencyPercentiles(timed, sent), new LatencyPercentiles(modelled, model),
                    ok == 0 ? Double.NaN : (double) fallbacks / ok, mostFrequent(reasons));
        }

        private static Map<String, Integer> mostFrequent(Map<String, Integer> reasons) {
            List<Map.Entry<String, Integer>> sorted = new ArrayList<>(reasons.entrySet());
            sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            Map<String, Integer> kept = new LinkedHashMap<>();
            for (int r = 0; r < sorted.size(); r++) {
                if (r < REASONS) {
                    kept.put(sorted.get(r).getKey(), sorted.get(r).getValue());
                } else {
                    kept.merge("other", sorted.get(r).getValue(), Integer::sum);
                }
            }
            return kept;
        }
    }
}
