package io.tandem.adapters.in.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of this process, which runs both the Tandem server and the load generator of {@code bench serve}, and
 * the share of it the load generator's threads used (its sending thread, the HTTP client's executor and selector),
 * so that the server's CPU per request can be told apart. A load-generator thread that ended between two samples
 * loses its CPU time, which then counts as the server's: the server figure is an upper bound.
 */
final class CpuClock {

    /** One reading: the process CPU and each load-generator thread's CPU, in nanoseconds. */
    record Sample(long processNanos, Map<Long, Long> clientThreadNanos) {

        /** The load generator's CPU from {@code before} to this sample. */
        long clientNanosSince(Sample before) {
            long sum = 0;
            for (Map.Entry<Long, Long> thread : clientThreadNanos.entrySet()) {
                sum += Math.max(0, thread.getValue() - before.clientThreadNanos.getOrDefault(thread.getKey(), 0L));
            }
            return sum;
        }
    }

    private final Set<Long> clientThreads;
    private final Set<String> clientPrefixes;

    /** The load generator: the threads with these ids and the threads whose names start with these prefixes. */
    CpuClock(Set<Long> clientThreads, Set<String> clientPrefixes) {
        this.clientThreads = Set.copyOf(clientThreads);
        this.clientPrefixes = Set.copyOf(clientPrefixes);
    }

    Sample sample() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long process = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> client = new HashMap<>();
        if (threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && isClient(info.getThreadId(), info.getThreadName())) {
                    long nanos = threads.getThreadCpuTime(info.getThreadId());
                    if (nanos >= 0) {
                        client.put(info.getThreadId(), nanos);
                    }
                }
            }
        }
        return new Sample(process, client);
    }

    private boolean isClient(long id, String name) {
        return clientThreads.contains(id) || clientPrefixes.stream().anyMatch(name::startsWith);
    }

    /** Milliseconds of CPU per request served; NaN when nothing was served or the CPU time is unknown. */
    static double msPerRequest(long cpuNanos, int served) {
        return served <= 0 || cpuNanos < 0 ? Double.NaN : cpuNanos / 1e6 / served;
    }

    /** CPU cores used on average: CPU time over wall time; NaN when either is unknown. */
    static double cores(long cpuNanos, long wallNanos) {
        return wallNanos <= 0 || cpuNanos < 0 ? Double.NaN : (double) cpuNanos / wallNanos;
    }
}
