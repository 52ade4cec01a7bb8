package io.tandem.adapters.in.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open-loop load generator's HTTP/1.1 client, cheap enough that the load it puts on the cores it shares with the
 * server is small beside the server's: keep-alive connections to one server, one request at a time on each, requests
 * sent as bytes encoded before the clock starts, and of each answer only the status line, {@code Content-Length} and
 * the fallback's marker read. The JDK's {@code HttpClient} it replaces cost 0.2-0.45 ms of CPU per request on the two
 * cores the server ran on (ADR-0037).
 *
 * <p>One thread sends ({@link #send}); one thread of the client's own receives every answer and times out requests
 * left unanswered. A connection is opened when every open one is waiting, so there are as many as requests ever
 * waited at once. An answer without {@code Content-Length} (Tandem always sends one) fails its request.
 */
final class KeepAliveHttpClient implements AutoCloseable {

    /** Where each request ends: answered with a status, or {@link OpenLoopLoad#FAILED} with no status. */
    @FunctionalInterface
    interface Answers {
        /**
         * @param fallbackReason the fallback's reason in a 200 it answered, else null
         * @param nanoTime       {@link System#nanoTime()} when the answer (or the failure) was seen
         */
        void answered(int request, int status, String fallbackReason, long nanoTime);
    }

    static final String RECEIVER_THREAD = "tandem-bench-receiver";
    private static final long TIMEOUT_CHECK_MILLIS = 50;
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final InetSocketAddress server;
    private final long timeoutNanos;
    private final Answers answers;
    private final Selector selector;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final Queue<Connection> all = new ConcurrentLinkedQueue<>();
    private final Thread receiver;
    private volatile boolean open = true;

    KeepAliveHttpClient(InetSocketAddress server, Duration timeout, Answers answers) {
        this.server = server;
        this.timeoutNanos = timeout.toNanos();
        this.answers = answers;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.receiver = new Thread(this::receive, RECEIVER_THREAD);
        receiver.setDaemon(true);
        receiver.start();
    }

    /**
     * Sends {@code encoded}, a whole request, on an idle connection (or a new one); its answer comes to
     * {@link Answers}. Called from one thread only.
     */
    void send(int request, byte[] encoded) {
        Connection connection = idle.poll();
        while (connection != null && !connection.channel.isOpen()) {
            connection = idle.poll();
        }
        try {
            if (connection == null) {
                connection = connect();
            }
            connection.sentAt = System.nanoTime();
            connection.request.set(request);
            ByteBuffer bytes = ByteBuffer.wrap(encoded);
            while (bytes.hasRemaining()) {
                connection.channel.write(bytes);
            }
        } catch (IOException e) {
            if (connection == null) {
                answers.answered(request, OpenLoopLoad.FAILED, null, System.nanoTime());
            } else {
                fail(connection);
            }
        }
    }

    private Connection connect() throws IOException {
        SocketChannel channel = SocketChannel.open(server);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Connection connection = new Connection(channel);
        // Since JDK 11 registering does not wait for a select in progress; the wake-up makes the receiver see the key.
        channel.register(selector, SelectionKey.OP_READ, connection);
        selector.wakeup();
        all.add(connection);
        return connection;
    }

    private void receive() {
        long nextTimeoutCheck = System.nanoTime();
        while (open) {
            try {
                selector.select(key -> read((Connection) key.attachment()), TIMEOUT_CHECK_MILLIS);
            } catch (IOException | RuntimeException e) {
                if (open) {
                    throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
                }
                return;
            }
            long now = System.nanoTime();
            if (now - nextTimeoutCheck >= 0) {
                nextTimeoutCheck = now + TIMEOUT_CHECK_MILLIS * 1_000_000;
                for (Connection connection : all) {
                    if (connection.request.get() >= 0 && now - connection.sentAt > timeoutNanos) {
                        fail(connection);
                    }
                }
            }
        }
    }

    private void read(Connection connection) {
        int read;
        try {
            read = connection.channel.read(connection.in);
        } catch (IOException e) {
            read = -1;
        }
        if (read < 0) {
            fail(connection);
            return;
        }
        HttpAnswer answer = connection.parse();
        if (answer == HttpAnswer.INCOMPLETE) {
            return;
        }
        int request = connection.request.getAndSet(-1);
        if (answer == HttpAnswer.UNREADABLE) {
            close(connection);
            if (request >= 0) {
                answers.answered(request, OpenLoopLoad.FAILED, null, System.nanoTime());
            }
            return;
        }
        long now = System.nanoTime();
        connection.in.clear();
        if (request >= 0) {
            if (answer.keepAlive()) {
                idle.add(connection);
            } else {
                close(connection);
            }
            answers.answered(request, answer.status(), answer.fallbackReason(), now);
        }
    }

    /** Ends the connection's request, if it has one, as failed; a connection that failed is not used again. */
    private void fail(Connection connection) {
        close(connection);
        int request = connection.request.getAndSet(-1);
        if (request >= 0) {
            answers.answered(request, OpenLoopLoad.FAILED, null, System.nanoTime());
        }
    }

    private void close(Connection connection) {
        all.remove(connection);
        try {
            connection.channel.close();
        } catch (IOException ignored) {
            // Closing a socket that failed: nothing left to do with it.
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        selector.wakeup();
        receiver.join(STOP_WAIT_MILLIS);
        for (Connection connection : all) {
            close(connection);
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // The run is over; a selector that does not close leaks nothing the process keeps.
        }
    }

    /** One keep-alive connection and the request it waits for (-1: none), set by the sender, ended by the receiver. */
    private static final class Connection {
        private static final int FIRST_BUFFER = 16 * 1024;

        final SocketChannel channel;
        final AtomicInteger request = new AtomicInteger(-1);
        volatile long sentAt;
        ByteBuffer in = ByteBuffer.allocate(FIRST_BUFFER);

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** The answer read so far; a buffer too small for it is doubled. */
        HttpAnswer parse() {
            HttpAnswer answer = HttpAnswer.parse(in.array(), in.position());
            if (answer == HttpAnswer.INCOMPLETE && !in.hasRemaining()) {
                if (in.capacity() >= HttpAnswer.MAX_BYTES) {
                    return HttpAnswer.UNREADABLE;
                }
                ByteBuffer larger = ByteBuffer.allocate(in.capacity() * 2);
                in.flip();
                larger.put(in);
                in = larger;
            }
            return answer;
        }
    }
}
