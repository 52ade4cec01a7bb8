package io.tandem.adapters.out.kafka;

import io.tandem.domain.interaction.EventLogUnavailableException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event topic as the adapter needs it: created with the configured partitions before the first record is
 * sent, because a broker with {@code auto.create.topics.enable} would otherwise create it, on the producer's
 * first metadata request, with the broker default (often one partition).
 */
final class EventTopic {

    private static final Logger LOG = LoggerFactory.getLogger(EventTopic.class);

    private final KafkaEventLogSettings settings;
    private volatile boolean exists;

    EventTopic(KafkaEventLogSettings settings) {
        this.settings = settings;
    }

    boolean knownToExist() {
        return exists;
    }

    /**
     * Creates the topic unless it is already known to exist; an existing topic is accepted as it is.
     * Synchronized so that concurrent first appends issue one creation, not one each.
     *
     * @throws EventLogUnavailableException when the cluster did not confirm within {@code timeout}
     */
    synchronized void ensureExists(Duration timeout, Duration retryAfter) {
        if (exists) {
            return;
        }
        long timeoutMs = Math.max(1, timeout.toMillis());
        Admin admin;
        try {
            admin = Admin.create(adminProperties(timeoutMs));
        } catch (KafkaException e) {
            throw new EventLogUnavailableException("cannot reach Kafka to create topic " + settings.topic() + ": "
                    + e.getMessage(), retryAfter, e);
        }
        try {
            NewTopic topic = new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor());
            admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            LOG.info("Created Kafka topic {} with {} partitions, replication factor {}", settings.topic(),
                    settings.partitions(), settings.replicationFactor());
            exists = true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new EventLogUnavailableException("cannot create Kafka topic " + settings.topic() + ": "
                        + e.getCause(), retryAfter, e.getCause());
            }
            exists = true;
        } catch (TimeoutException e) {
            throw new EventLogUnavailableException("Kafka did not confirm topic " + settings.topic() + " within "
                    + timeoutMs + " ms", retryAfter, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogUnavailableException("interrupted while creating Kafka topic " + settings.topic(),
                    retryAfter, e);
        } finally {
            // Zero: a creation still pending after our timeout must not hold the caller any longer.
            admin.close(Duration.ZERO);
        }
    }

    private Properties adminProperties(long timeoutMs) {
        Properties properties = new Properties();
        // Security settings meant for the producer apply to the admin client too; producer-only keys are
        // skipped so the admin client does not warn about unknown configs.
        for (Map.Entry<String, String> extra : settings.extraProducerProperties().entrySet()) {
            if (AdminClientConfig.configNames().contains(extra.getKey())) {
                properties.put(extra.getKey(), extra.getValue());
            }
        }
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "tandem-event-topic");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        return properties;
    }
}
