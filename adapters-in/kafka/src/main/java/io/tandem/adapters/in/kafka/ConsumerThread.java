package io.tandem.adapters.in.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The daemon thread a Kafka reader runs on: started once, asked to stop once (its consumer woken up), then waited
 * for up to a bound. The reader's loop runs while {@link #isOpen()} and pauses with {@link #pause}, which a stop
 * cuts short.
 */
final class ConsumerThread {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerThread.class);

    private final String threadName;
    private final String what;
    private final Duration stopTimeout;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private Thread thread;

    /**
     * @param threadName  the thread's name
     * @param what        the reader, as messages name it ("event log consumer tandem-lake")
     * @param stopTimeout how long {@link #stop} waits for the thread to end
     */
    ConsumerThread(String threadName, String what, Duration stopTimeout) {
        this.threadName = threadName;
        this.what = what;
        this.stopTimeout = stopTimeout;
    }

    /**
     * Runs {@code prepare} (creating the clients) and then {@code loop} on the new thread.
     *
     * @throws IllegalStateException when started before or already stopped
     */
    void start(Runnable prepare, Runnable loop) {
        synchronized (lifecycle) {
            if (thread != null || closing.getCount() == 0) {
                throw new IllegalStateException(what + " was already started or closed");
            }
            prepare.run();
            thread = new Thread(loop, threadName);
            // A JVM that exits without a stop is a crash, which the readers are built to survive.
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** False once a stop was asked for (or a pause was interrupted). */
    boolean isOpen() {
        return closing.getCount() > 0;
    }

    /**
     * Waits {@code pause}, or less when a stop is asked for meanwhile.
     *
     * @return true when the full pause passed and the reader is still open
     */
    boolean pause(Duration pause) {
        try {
            return !closing.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
            return false;
        }
    }

    /** Asks the loop to end, wakes it with {@code wakeup} and waits for the thread (unless called from it). */
    void stop(Runnable wakeup) {
        Thread running;
        synchronized (lifecycle) {
            closing.countDown();
            running = thread;
        }
        if (running == null) {
            return;
        }
        wakeup.run();
        if (running == Thread.currentThread()) {
            return;
        }
        try {
            running.join(stopTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            LOG.warn("{} did not stop within {}", what, stopTimeout);
        }
    }
}
