package io.tandem.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keys off (the embedded default, ADR-0027): the start says so loudly, callers on this machine are served without a
 * key, and a caller reaching the server through another address of the machine is refused with 403.
 */
class OpenAccessHttpTest {

    @Test
    void withKeysOffTheStartWarnsAndOnlyLoopbackCallersAreServed() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(OpenAccessWarning.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try (TandemHttp tandem = TandemHttp.start(Map.of())) {
            assertThat(logs.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("API KEYS ARE OFF", "tandem.auth.enabled");
            });
            assertThat(tandem.get("/v1/models").status()).isEqualTo(200);

            Optional<InetAddress> other = nonLoopbackAddress();
            assumeTrue(other.isPresent(), "this machine has no address but loopback");
            int port = tandem.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getPort();
            HttpResponse<String> remote = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://" + other.get().getHostAddress() + ":" + port
                            + "/v1/models")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(remote.statusCode()).as(remote.body()).isEqualTo(403);
            assertThat(remote.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(remote.body()).contains("\"field\":\"Authorization\"", "tandem.auth.enabled=true");
        } finally {
            logger.detachAppender(logs);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
