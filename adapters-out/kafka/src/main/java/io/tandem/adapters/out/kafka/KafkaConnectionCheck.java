package io.tandem.adapters.out.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a Kafka cluster answers at its bootstrap servers: one admin client, {@code DescribeCluster}, closed
 * again. For {@code tandem config check} and start-up reports, never for the event path.
 */
public final class KafkaConnectionCheck {

    private KafkaConnectionCheck() {
    }

    /**
     * @return what answered, for example {@code Kafka cluster 4L6g3nShT-eMCtK--X86sw, 1 broker}
     * @throws IllegalStateException saying why when the cluster does not answer within {@code timeout}
     */
    public static String describeCluster(String bootstrapServers, Duration timeout) {
        int timeoutMs = (int) Math.max(1, timeout.toMillis());
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "tandem-connection-check");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) timeoutMs);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) timeoutMs);
        // One connection attempt per check: the client logs a warning for each one that fails.
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, (long) timeoutMs);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, (long) timeoutMs);
        Admin admin;
        try {
            admin = Admin.create(properties);
        } catch (KafkaException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            String id = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
            return "Kafka cluster " + id + ", " + brokers + (brokers == 1 ? " broker" : " brokers");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }
}
