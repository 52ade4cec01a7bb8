package io.tandem.adapters.in.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.fallback.FallbackStatus;
import io.tandem.domain.model.ModelRef;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the HTTP layer alone costs per recommendation answer: the real controller, filters, metrics and JSON writer in
 * front of a use case that answers ten fixed items at once, driven over loopback by a few client threads. Reports the
 * CPU time and the heap bytes allocated per request by the server's threads (the client's threads left out), so the
 * figure holds on a busy machine. A benchmark, not a test: nothing is asserted. Run it under JFR to see where the time
 * goes.
 *
 * <pre>java ... ServingHttpCost [requests=20000] [clients=4]</pre>
 */
public final class ServingHttpCost {

    private ServingHttpCost() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<RankedItem> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new RankedItem(new ItemId("i" + (10_000 + i * 7)), 1.25 - i * 0.0625, i + 1,
                    List.of("ease", "ials", "item-knn")));
        }
        ModelRef model = new ModelRef("two-stage", "v20261207-120231-746");
        RecommendItemsUseCase useCase = query -> new Recommendation("7f3c2a9e-5b1d-4c8e-9a0f-2d6b4e8c1a37",
                query.user(), items, Optional.of(model), FallbackStatus.notUsed());
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "micronaut.server.port", -1,
                "micronaut.executors.serving.type", "fixed",
                "micronaut.serde.serialization.inclusion", "always",
                "micronaut.executors.blocking.type", "fixed",
                "micronaut.executors.blocking.n-threads", 64)).build()) {
            context.registerSingleton(RecommendItemsUseCase.class, useCase);
            context.start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = server.getURL() + "/v1/users/u";
            System.out.printf("%d requests from %d client threads to %s%n", requests, clients, base);
            for (int round = 1; round <= 3; round++) {
                run(client, base, requests / 2, clients);
                ThreadCost before = ThreadCost.now();
                long started = System.nanoTime();
                run(client, base, requests, clients);
                long wall = System.nanoTime() - started;
                ThreadCost spent = ThreadCost.now().minus(before);
                System.out.printf("round %d: server CPU %.1f µs/request, server heap %,d B/request, "
                                + "client CPU %.1f µs/request; %.0f requests/s%n", round,
                        spent.serverNanos / 1e3 / requests, spent.serverBytes / requests,
                        spent.clientNanos / 1e3 / requests, requests / (wall / 1e9));
            }
        }
    }

    private static void run(HttpClient client, String base, int requests, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients, runnable -> new Thread(runnable, "cost-client"));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                done.add(pool.submit(() -> {
                    for (int r = first; r < requests; r += clients) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + (r % 20_000)
                                + "/recommendations?count=10")).GET().build();
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** CPU time and heap allocation summed over live threads: the client's ({@code cost-client}, HttpClient) or else. */
    private record ThreadCost(long serverNanos, long serverBytes, long clientNanos) {

        static ThreadCost now() {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long server = 0;
            long bytes = 0;
            long clientCpu = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                String name = info.getThreadName();
                if (name.startsWith("cost-client") || name.startsWith("HttpClient")) {
                    clientCpu += Math.max(0, cpu);
                } else {
                    server += Math.max(0, cpu);
                    bytes += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
                }
            }
            return new ThreadCost(server, bytes, clientCpu);
        }

        ThreadCost minus(ThreadCost earlier) {
            return new ThreadCost(serverNanos - earlier.serverNanos, serverBytes - earlier.serverBytes,
                    clientNanos - earlier.clientNanos);
        }
    }
}
