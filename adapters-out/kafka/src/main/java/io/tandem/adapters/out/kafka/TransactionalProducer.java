package io.tandem.adapters.out.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;

/**
 * One {@code transactional.id} and the Kafka producer that currently holds it. The producer is registered with
 * the transaction coordinator ({@code initTransactions}) on first use rather than at start-up, so the adapter
 * starts while Kafka is down, and it is replaced after any error that leaves its transaction state unusable or
 * unknown: registering the same id again fences the old producer and makes the coordinator abort whatever
 * transaction it left open, so nothing that producer sent can be committed any more.
 *
 * <p>Used by one append at a time; {@link TransactionalProducerPool} hands it from thread to thread.
 */
final class TransactionalProducer {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalProducer.class);

    private final Properties properties;
    private final String transactionalId;
    // Volatile: the pool's close may close the producer of an append that overran its bound, from another thread.
    private volatile Producer<String, byte[]> producer;
    private volatile boolean closed;
    private boolean registered;

    /** Opens the producer at once, so that a configuration Kafka refuses fails the adapter's start. */
    TransactionalProducer(Properties properties) {
        this.properties = properties;
        this.transactionalId = properties.getProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producer = open();
    }

    String transactionalId() {
        return transactionalId;
    }

    /**
     * The producer, ready to begin a transaction: a replacement is opened and any producer is registered with the
     * coordinator first when needed, which blocks at most {@code max.block.ms}. A failed registration discards the
     * producer, so the next append starts over with a fresh one.
     */
    Producer<String, byte[]> ready() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            current = open();
            producer = current;
            // Written before reading the flag, as close() does the reverse: one of the two sees the other, so
            // a replacement opened while the adapter closes is closed by one of them.
            if (closed) {
                current.close(Duration.ZERO);
                throw new IllegalStateException("the producer of " + transactionalId + " is closed");
            }
        }
        if (!registered) {
            try {
                current.initTransactions();
            } catch (RuntimeException e) {
                discard();
                throw e;
            }
            registered = true;
        }
        return current;
    }

    /**
     * Makes sure the current transaction, if any, is never committed. Aborting writes the abort markers at once,
     * so read_committed consumers move on immediately; it blocks up to {@code max.block.ms} when the coordinator is
     * unreachable. When the abort fails, the producer is discarded instead: its successor's registration aborts the
     * transaction (or the coordinator does, after {@code transaction.timeout.ms}).
     */
    void abandonTransaction() {
        Producer<String, byte[]> current = producer;
        if (current != null && registered) {
            try {
                current.abortTransaction();
                LOG.debug("Aborted the transaction of {}", transactionalId);
                return;
            } catch (RuntimeException e) {
                LOG.debug("Could not abort the transaction of {}; replacing the producer", transactionalId, e);
            }
        }
        discard();
    }

    /** Closes the producer without waiting; the next {@link #ready()} opens and registers a new one. */
    void discard() {
        Producer<String, byte[]> current = producer;
        producer = null;
        registered = false;
        if (current != null) {
            LOG.debug("Discarding the producer of {}; its next use registers a new one", transactionalId);
            current.close(Duration.ZERO);
        }
    }

    /** Closes the producer for good, waiting at most {@code timeout} for its requests in flight. */
    void close(Duration timeout) {
        closed = true;
        Producer<String, byte[]> current = producer;
        producer = null;
        if (current != null) {
            current.close(timeout);
        }
    }

    private Producer<String, byte[]> open() {
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }
}
