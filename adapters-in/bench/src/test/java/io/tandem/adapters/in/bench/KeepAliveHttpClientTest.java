package io.tandem.adapters.in.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveHttpClientTest {

    private static final String FALLBACK = "{\"items\":[],\"model\":null,\"fallback\":{\"used\":true,"
            + "\"reason\":\"catalog timed out\"}}";

    /** One client port per connection the server saw. */
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void answersComeBackWithTheirStatusAndFallbackOverReusedConnections() throws Exception {
        start();
        Map<Integer, String> seen = new ConcurrentHashMap<>();
        Semaphore answered = new Semaphore(0);
        try (KeepAliveHttpClient client = new KeepAliveHttpClient(address(), Duration.ofSeconds(30),
                (request, status, reason, nanoTime) -> {
                    seen.put(request, status + " " + reason);
                    answered.release();
                })) {
            for (int i = 0; i < 6; i++) {
                String path = i % 3 == 0 ? "/model" : i % 3 == 1 ? "/fallback" : "/missing";
                client.send(i, get(path));
                // One at a time, so that every request after the first can reuse the one connection.
                assertThat(answered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of(0, "200 null", 1, "200 catalog timed out",
                2, "404 null", 3, "200 null", 4, "200 catalog timed out", 5, "404 null"));
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void aRequestLeftUnansweredFailsAtItsTimeoutAndOneRefusedFailsAtOnce() throws Exception {
        start();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(1);
        try (KeepAliveHttpClient client = new KeepAliveHttpClient(address(), Duration.ofMillis(100),
                (request, status, reason, nanoTime) -> {
                    statuses.put(request, status);
                    answered.countDown();
                })) {
            client.send(7, get("/stall"));
            assertThat(answered.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(statuses).containsExactlyEntriesOf(Map.of(7, OpenLoopLoad.FAILED));

        InetSocketAddress closed = address();
        server.stop(0);
        try (KeepAliveHttpClient client = new KeepAliveHttpClient(closed, Duration.ofSeconds(30),
                (request, status, reason, nanoTime) -> statuses.put(request, status))) {
            client.send(8, get("/model"));
        }
        assertThat(statuses).containsEntry(8, OpenLoopLoad.FAILED);
    }

    private void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/model", exchange -> answer(exchange, 200, "{\"items\":[],\"model\":{\"name\":\"m\"},"
                + "\"fallback\":{\"used\":false,\"reason\":null}}"));
        server.createContext("/fallback", exchange -> answer(exchange, 200, FALLBACK));
        server.createContext("/missing", exchange -> answer(exchange, 404, "{\"title\":\"Not Found\"}"));
        server.createContext("/stall", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort());
    }

    private static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
