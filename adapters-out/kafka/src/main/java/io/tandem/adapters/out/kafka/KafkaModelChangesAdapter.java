package io.tandem.adapters.out.kafka;

import io.tandem.application.registry.port.out.ModelChangeNotPublishedException;
import io.tandem.application.registry.port.out.PublishModelChangesPort;
import io.tandem.domain.model.ModelStageChanged;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes model stage changes to the Kafka topic {@code tandem.models} (one partition, keyed by model name, JSON
 * {@code {"name","version","stage","changedAt"}}), and returns once every in-sync replica has the record, or fails
 * within the publish timeout (twice that when the topic must be created first). Every serving instance reads the topic from its end, so a change reaches all of them within
 * moments; a change that was not published is still in the registry, which the instances also poll.
 *
 * <p>Thread-safe: one idempotent producer, shared. The topic is created when missing (at construction, or by the
 * first publication after Kafka was unreachable), with one partition and a day's retention: only instances running
 * at the time need a change.
 */
public final class KafkaModelChangesAdapter implements PublishModelChangesPort, AutoCloseable {

    /** Added to the publish timeout when waiting for the acknowledgement, so the producer's own expiry fires first. */
    static final Duration ACKNOWLEDGEMENT_GRACE = Duration.ofMillis(500);
    static final Duration RETENTION = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaModelChangesAdapter.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaModelChangesSettings settings;
    private final Producer<String, byte[]> producer;
    private volatile boolean topicExists;

    /** Creates the topic when missing (Kafka being down is not fatal here) and opens the producer. */
    public KafkaModelChangesAdapter(KafkaModelChangesSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        try {
            ensureTopic();
        } catch (ModelChangeNotPublishedException e) {
            LOG.warn("Kafka model topic {} not confirmed at start ({}); the first publication creates it",
                    settings.topic(), e.getMessage());
        }
        this.producer = new KafkaProducer<>(producerProperties(settings));
    }

    @Override
    public void publish(ModelStageChanged change) {
        Objects.requireNonNull(change, "change");
        long deadline = System.nanoTime() + settings.publishTimeout().plus(ACKNOWLEDGEMENT_GRACE).toNanos();
        ensureTopic();
        try {
            producer.send(new ProducerRecord<>(settings.topic(), change.name(), ModelChangeJson.encode(change)))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw notPublished(change, e.getCause().toString(), e.getCause());
        } catch (TimeoutException e) {
            throw notPublished(change, "no acknowledgement within " + settings.publishTimeout().toMillis() + " ms", e);
        } catch (KafkaException e) {
            // send() itself fails like this when the topic's metadata does not arrive within max.block.ms.
            throw notPublished(change, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notPublished(change, "interrupted", e);
        }
    }

    private ModelChangeNotPublishedException notPublished(ModelStageChanged change, String reason, Throwable cause) {
        return new ModelChangeNotPublishedException("change of " + change.name() + " " + change.version()
                + " to " + change.stage().wireName() + " not published to " + settings.topic() + ": " + reason, cause);
    }

    /**
     * Creates the topic with one partition unless it is known to exist; an existing topic is taken as it is. Before
     * the first record, because a broker with {@code auto.create.topics.enable} would otherwise create it with its
     * own defaults.
     */
    private synchronized void ensureTopic() {
        if (topicExists) {
            return;
        }
        long timeoutMs = settings.publishTimeout().toMillis();
        Admin admin;
        try {
            admin = Admin.create(adminProperties(timeoutMs));
        } catch (KafkaException e) {
            throw new ModelChangeNotPublishedException("cannot reach Kafka to create topic " + settings.topic()
                    + ": " + e.getMessage(), e);
        }
        try {
            NewTopic topic = new NewTopic(settings.topic(), 1, settings.replicationFactor())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(RETENTION.toMillis())));
            admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            LOG.info("Created Kafka topic {} for model stage changes", settings.topic());
            topicExists = true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ModelChangeNotPublishedException("cannot create Kafka topic " + settings.topic() + ": "
                        + e.getCause(), e.getCause());
            }
            topicExists = true;
        } catch (TimeoutException e) {
            throw new ModelChangeNotPublishedException("Kafka did not confirm topic " + settings.topic() + " within "
                    + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelChangeNotPublishedException("interrupted while creating Kafka topic " + settings.topic(), e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private Properties adminProperties(long timeoutMs) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "tandem-model-topic");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        return properties;
    }

    static Properties producerProperties(KafkaModelChangesSettings settings) {
        int timeoutMs = (int) settings.publishTimeout().toMillis();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "tandem-model-changes-" + INSTANCES.incrementAndGet());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Rare, single records: sent at once. The three timeouts bound a publication by publishTimeout
        // (delivery.timeout.ms must be at least linger.ms plus request.timeout.ms).
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) timeoutMs);
        return properties;
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    @Override
    public String toString() {
        return "Kafka topic " + settings.topic();
    }
}
