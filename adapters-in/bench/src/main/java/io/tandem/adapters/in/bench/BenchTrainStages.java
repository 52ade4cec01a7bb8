package io.tandem.adapters.in.bench;

import io.tandem.domain.jobs.JobProgress;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code bench train} measures while a training run reports its progress: wall and process CPU time per
 * stage (a step's words before the first colon, as the job runner logs them), and the heap: the largest
 * occupancy any heap pool reached (pool peaks, garbage included), the largest occupancy seen right after a
 * collection (what the run really holds), and the collectors' count and time.
 */
final class BenchTrainStages implements JobProgress {

    private final PrintStream out;
    private final long startedNanos;
    private final long startedCpu;
    private final long startedGcCount;
    private final long startedGcMillis;
    private final List<Stage> stages = new ArrayList<>();
    private String current;
    private long currentWall;
    private long currentCpu;
    private double lastFraction;
    private long finishedNanos;
    private long finishedCpu;
    private long maxLiveAfterGcMb;

    BenchTrainStages(PrintStream out) {
        this.out = out;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        startedNanos = System.nanoTime();
        startedCpu = processCpuNanos();
        startedGcCount = gcCount();
        startedGcMillis = gcMillis();
    }

    @Override
    public synchronized void report(double fraction, String step) {
        String words = step == null ? "" : step;
        int colon = words.indexOf(':');
        String stage = (colon < 0 ? words : words.substring(0, colon)).strip();
        long now = System.nanoTime();
        if (!stage.equals(current)) {
            close(now);
            current = stage;
            currentWall = now;
            currentCpu = processCpuNanos();
        }
        if (fraction >= lastFraction + 0.05 || !stage.equals(words) || fraction >= 1.0) {
            out.printf(Locale.ROOT, "  [train %6.1f s, %3.0f%%, heap %,d MB] %s%n", (now - startedNanos) / 1e9,
                    fraction * 100, usedHeapMb(), words);
            lastFraction = fraction;
        }
    }

    /** Ends the last stage: call once the run returned. */
    synchronized void finish() {
        finishedNanos = System.nanoTime();
        finishedCpu = processCpuNanos();
        close(finishedNanos);
        current = null;
    }

    synchronized List<Stage> stages() {
        return List.copyOf(stages);
    }

    double wallSeconds() {
        return (finishedNanos - startedNanos) / 1e9;
    }

    double cpuSeconds() {
        return (finishedCpu - startedCpu) / 1e9;
    }

    /** The sum of the heap pools' peak occupancy since the start, in MB (garbage not yet collected included). */
    static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    /** Notes the heap occupancy the latest collections left; call it often (a sampler thread does). */
    void sample() {
        long live = liveAfterGcMb();
        synchronized (this) {
            maxLiveAfterGcMb = Math.max(maxLiveAfterGcMb, live);
        }
    }

    /** The largest heap occupancy left by a collection while sampled, in MB: what the run held live at its fullest. */
    synchronized long maxLiveAfterGcMb() {
        return Math.max(maxLiveAfterGcMb, liveAfterGcMb());
    }

    /** The heap occupancy the latest collection of each pool left, in MB. */
    private static long liveAfterGcMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                bytes += pool.getCollectionUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    long gcCountSinceStart() {
        return gcCount() - startedGcCount;
    }

    double gcSecondsSinceStart() {
        return (gcMillis() - startedGcMillis) / 1e3;
    }

    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    private void close(long now) {
        if (current != null) {
            stages.add(new Stage(current, (now - currentWall) / 1e9, (processCpuNanos() - currentCpu) / 1e9));
        }
    }

    private static long usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static long gcMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }

    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** One stage of the run: its name, wall time and the whole process's CPU time while it ran. */
    record Stage(String name, double wallSeconds, double cpuSeconds) {
    }
}
