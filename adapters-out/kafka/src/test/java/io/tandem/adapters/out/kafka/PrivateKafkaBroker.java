package io.tandem.adapters.out.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A broker of the test's own, started and stopped with the repository's scripts on free ports and a private
 * data directory, so a fault test can crash and restart it without touching the shared broker.
 */
public final class PrivateKafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path scripts;
    private final int port;
    private final int controllerPort;
    private final Path home;
    private final Path dataDir;
    private final Path logFile;
    private final Path pidFile;

    private PrivateKafkaBroker(Path scripts, int port, int controllerPort, Path home) {
        this.scripts = scripts;
        this.port = port;
        this.controllerPort = controllerPort;
        this.home = home;
        this.dataDir = home.resolve("data");
        this.logFile = home.resolve("kafka.log");
        this.pidFile = home.resolve("kafka.pid");
    }

    /** Picks free ports and a temporary home; nothing is started yet. */
    public static PrivateKafkaBroker onFreePorts() throws IOException {
        String root = System.getProperty("tandem.repository.root");
        if (root == null) {
            throw new IllegalStateException("system property tandem.repository.root is not set (see the module pom)");
        }
        Path scripts = Path.of(root).toAbsolutePath().normalize().resolve("scripts/services");
        try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket controller = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new PrivateKafkaBroker(scripts, broker.getLocalPort(), controller.getLocalPort(),
                    Files.createTempDirectory("tandem-kafka-fault-"));
        }
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (same ports, same data) and returns once it answers Kafka requests. */
    public void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(scripts.resolve("start-kafka.sh").toString(),
                Integer.toString(port), Integer.toString(controllerPort), dataDir.toString(), logFile.toString(),
                pidFile.toString());
        builder.environment().put("TANDEM_KAFKA_HEAP_OPTS", "-Xms128m -Xmx384m");
        run(builder, START_TIMEOUT, "start-kafka.sh");
    }

    /** Kills the broker with SIGKILL, as a crash would, and waits until it is gone. */
    public void crash() throws Exception {
        Optional<ProcessHandle> broker = ownBroker();
        if (broker.isEmpty()) {
            return;
        }
        broker.get().destroyForcibly();
        broker.get().onExit().get(30, TimeUnit.SECONDS);
    }

    /** Stops the broker if it runs, with the scripts' own stop (TERM, then KILL), and deletes its home. */
    @Override
    public void close() throws IOException, InterruptedException {
        run(new ProcessBuilder(scripts.resolve("stop.sh").toString(), pidFile.toString(), "20",
                marker()), Duration.ofSeconds(60), "stop.sh");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The broker process named by our pid file, only if its command line carries our port's marker. */
    private Optional<ProcessHandle> ownBroker() throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (!Files.exists(cmdline)
                || !new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains(marker())) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid);
    }

    private String marker() {
        return "-Dtandem.service=kafka-" + port;
    }

    private void run(ProcessBuilder builder, Duration timeout, String what) throws IOException, InterruptedException {
        Path output = logFile.resolveSibling(what + ".out");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " did not finish within " + timeout + "; see " + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): "
                    + String.join("\n", tail(output)) + "\nbroker log: " + logFile);
        }
    }

    private static List<String> tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }
}
