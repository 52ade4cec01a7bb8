package io.tandem.adapters.out.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A redis-server of the test's own, on a free loopback port with its own directory and no persistence, that
 * the test may kill, freeze and restart; the shared Redis is never touched.
 */
public final class PrivateRedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;
    private boolean frozen;

    private PrivateRedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** A server not yet started, on a port nothing listens on. */
    public static PrivateRedisServer onFreePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new PrivateRedisServer(socket.getLocalPort(), Files.createTempDirectory("tandem-redis-it"));
        }
    }

    public static PrivateRedisServer started() throws IOException, InterruptedException {
        PrivateRedisServer server = onFreePort();
        server.start();
        return server;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot start redis-server (install it with scripts/services.sh up redis)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!answersPing()) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + "; see " + dir);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("redis-server on port " + port + " did not answer PING within 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL: the server vanishes at once, as in a crash. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            frozen = false;
        }
    }

    /** SIGSTOP: the server keeps its connections open but answers nothing, as when it hangs. */
    public synchronized void freeze() throws IOException, InterruptedException {
        signal("-STOP");
        frozen = true;
    }

    public synchronized void thaw() throws IOException, InterruptedException {
        signal("-CONT");
        frozen = false;
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (process != null) {
            if (frozen) {
                thaw();
            }
            kill();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
