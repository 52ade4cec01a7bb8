package io.tandem.adapters.in.kafka;

import io.tandem.application.serving.port.in.RefreshServingModelUseCase;
import io.tandem.application.serving.port.in.ServingModelStatus;
import io.tandem.domain.model.ModelStageChanged;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the model notification topic ({@code tandem.models}) on a thread of its own and brings the served model in
 * line with the registry ({@link RefreshServingModelUseCase}) when a change of the served model arrives.
 *
 * <p>Every instance must see every change, so there is no consumer group: the listener assigns itself all partitions
 * of the topic, starts at their current end (earlier changes are already in the registry) and refreshes once right
 * after, which covers anything published between this instance's start and that moment. It commits nothing. A topic
 * that does not exist yet is looked for again every second. A record that cannot be read is logged and skipped;
 * a refresh that fails is logged, and the instance's registry poll catches up.
 */
public final class KafkaModelChangesListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaModelChangesListener.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** For the metadata and offset look-ups: the first one also opens the connection. close() interrupts them. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLIENT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration THREAD_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaModelChangesListenerSettings settings;
    private final RefreshServingModelUseCase refresh;
    private final AtomicLong skipped = new AtomicLong();
    private final ConsumerThread thread;
    private volatile Consumer<String, byte[]> consumer;
    // Confined to the listener thread.
    private boolean failing;
    private boolean toldTopicMissing;

    public KafkaModelChangesListener(KafkaModelChangesListenerSettings settings, RefreshServingModelUseCase refresh) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.thread = new ConsumerThread("tandem-model-changes", "Model change listener on " + settings.topic(),
                THREAD_STOP_TIMEOUT);
    }

    /** Starts listening on a thread of its own; a listener starts once. */
    public void start() {
        thread.start(() -> consumer = new KafkaConsumer<>(consumerConfig()), this::run);
    }

    /** Records that could not be read and were skipped, since start. */
    public long skippedRecords() {
        return skipped.get();
    }

    /** Stops listening and waits for the thread to end. */
    @Override
    public void close() {
        thread.stop(() -> consumer.wakeup());
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tandem-model-changes-" + UUID.randomUUID());
        // No group: partitions are assigned by hand and nothing is committed, so every instance reads everything.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The publisher creates the topic with one partition; a reader must never create it with broker defaults.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private void run() {
        LOG.info("Listening for changes of model '{}' on {}", settings.modelName(), settings.topic());
        try {
            while (thread.isOpen()) {
                try {
                    if (consumer.assignment().isEmpty() && !assignFromTheEnd()) {
                        pause();
                        continue;
                    }
                    handle(consumer.poll(settings.pollTimeout()));
                    if (failing) {
                        LOG.info("Model change listener on {} reads again", settings.topic());
                        failing = false;
                    }
                } catch (WakeupException e) {
                    // close() woke a blocking call; the loop condition ends the loop.
                } catch (InterruptException e) {
                    LOG.warn("Model change listener on {} was interrupted and stops", settings.topic());
                    return;
                } catch (RuntimeException e) {
                    if (!failing) {
                        LOG.warn("Model change listener on {} failed; retrying every {} (the registry poll keeps "
                                + "serving current meanwhile)", settings.topic(), RETRY_AFTER, e);
                        failing = true;
                    }
                    pause();
                }
            }
        } finally {
            try {
                consumer.close(CloseOptions.timeout(CLIENT_CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                LOG.warn("Model change listener on {} could not close its Kafka client", settings.topic(), e);
            }
            LOG.info("Model change listener on {} stopped", settings.topic());
        }
    }

    /** Assigns every partition of the topic at its current end; false while the topic does not exist. */
    private boolean assignFromTheEnd() {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(settings.topic(), LOOKUP_TIMEOUT);
        } catch (TimeoutException e) {
            // What a missing topic looks like to a client that may not create it, as well as an unreachable cluster.
            infos = List.of();
        }
        if (infos == null || infos.isEmpty()) {
            if (!toldTopicMissing) {
                LOG.info("Model change topic {} not found (not created yet, or Kafka unreachable); looking again "
                        + "every {}", settings.topic(), RETRY_AFTER);
                toldTopicMissing = true;
            }
            return false;
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        // Exact end offsets now, rather than seekToEnd (resolved lazily at the next poll): a change published
        // after this point is read, and the refresh below covers every one before it.
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LOOKUP_TIMEOUT);
        consumer.assign(partitions);
        ends.forEach(consumer::seek);
        LOG.info("Model change listener reads {} from offsets {}", settings.topic(), ends);
        refreshFor(Optional.empty());
        return true;
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        Optional<ModelStageChanged> latest = Optional.empty();
        for (ConsumerRecord<String, byte[]> record : records) {
            ModelStageChanged change;
            try {
                change = ModelChangeRecordJson.decode(record.value());
            } catch (RuntimeException e) {
                skipped.incrementAndGet();
                LOG.warn("Skipping unreadable model change {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                continue;
            }
            if (change.name().equals(settings.modelName())) {
                latest = Optional.of(change);
            }
        }
        // One refresh for the whole batch: it loads whatever the registry holds now, which is the latest change.
        if (latest.isPresent()) {
            refreshFor(latest);
        }
    }

    private void refreshFor(Optional<ModelStageChanged> change) {
        try {
            ServingModelStatus status = refresh.refresh();
            String serving = status.serving().map(m -> m.name() + " " + m.version()).orElse("no model");
            if (change.isPresent()) {
                LOG.info("{} {} became {} at {}; serving {}", change.get().name(), change.get().version(),
                        change.get().stage().wireName(), change.get().changedAt(), serving);
            }
            status.problem().ifPresent(problem -> LOG.warn("{}; serving {}", problem, serving));
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the served model after a change notification; the registry poll retries",
                    e);
        }
    }

    private void pause() {
        thread.pause(RETRY_AFTER);
    }

    @Override
    public String toString() {
        return "model change listener on " + settings.topic();
    }
}
