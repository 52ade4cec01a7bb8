package io.tandem.adapters.out.jdbc;

import com.sun.management.ThreadMXBean;
import io.micronaut.context.ApplicationContext;
import io.tandem.application.catalog.CatalogSnapshot;
import io.tandem.application.catalog.port.out.ItemChanges;
import io.tandem.application.catalog.port.out.LoadItemChangesPort;
import io.tandem.domain.catalog.Item;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static io.tandem.application.catalog.ItemFixture.anItem;

/**
 * CPU and allocation of one serving-snapshot refresh of a 100,000-item catalogue in which 10 items changed: read in
 * full (what every refresh did before ADR-0036) and read as changes. Measured on the refreshing thread, which is
 * what the request path shares its cores with; the database's own work is not counted. It prints and asserts
 * nothing about time, and its name keeps it out of the default test run. Run it with
 * {@code mvn -B -o -pl adapters-out/jdbc -am verify -Dtest=CatalogRefreshBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false} (PostgreSQL too
 * when {@code scripts/services.sh} runs it, else H2 only); the figures land in
 * {@code target/surefire-reports/io.tandem.adapters.out.jdbc.CatalogRefreshBenchmark-output.txt}.
 */
class CatalogRefreshBenchmark {

    private static final int ITEMS = 100_000;
    private static final int CHANGES = 10;
    private static final int ROUNDS = 9;
    private static final int PAGE = 5_000;
    private static final int NEWEST_KEPT = 100;

    public static void main(String[] args) throws SQLException {
        new CatalogRefreshBenchmark().measure();
    }

    @Test
    void measure() throws SQLException {
        JdbcAdaptersContract.Database h2 = TestDatabases.h2();
        try {
            measureOn("H2", h2);
        } finally {
            TestDatabases.dropH2(h2);
        }
        String schema = TestDatabases.uniqueSchema();
        JdbcAdaptersContract.Database postgres;
        try {
            postgres = TestDatabases.postgresSchema(schema);
        } catch (SQLException e) {
            System.out.println("PostgreSQL: not reachable, skipped (" + e.getMessage() + ")");
            return;
        }
        try {
            measureOn("PostgreSQL", postgres);
        } finally {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    private static void measureOn(String name, JdbcAdaptersContract.Database database) {
        try (ApplicationContext context = JdbcAdaptersContract.start(database)) {
            JdbcSchema.migrate(context.getBean(DataSource.class));
            JdbcCatalogAdapter catalog = JdbcAdaptersContract.catalogIn(context);
            for (int from = 0; from < ITEMS; from += PAGE) {
                catalog.save(IntStream.range(from, from + PAGE).mapToObj(i -> item(i, 0)).toList());
            }
            LoadItemChangesPort alwaysInFull = new LoadItemChangesPort() {
                @Override
                public long catalogVersion() {
                    return 0;
                }

                @Override
                public ItemChanges changesAfter(long version, int limit) {
                    return ItemChanges.readInFull(0);
                }
            };
            CatalogSnapshot inFull = new CatalogSnapshot(catalog, alwaysInFull, catalog, catalog, PAGE, NEWEST_KEPT);
            CatalogSnapshot changes = new CatalogSnapshot(catalog, catalog, catalog, catalog, PAGE, NEWEST_KEPT);
            inFull.refresh();
            changes.refresh();
            List<long[]> full = new ArrayList<>();
            List<long[]> incremental = new ArrayList<>();
            for (int round = 1; round <= ROUNDS + 2; round++) {
                int r = round;
                catalog.save(IntStream.range(0, CHANGES).mapToObj(i -> item(r * 7_919 + i * 9_973, r)).toList());
                long[] f = cost(inFull::refresh);
                long[] c = cost(changes::refresh);
                if (round > 2) {
                    // The first two rounds warm the JIT.
                    full.add(f);
                    incremental.add(c);
                }
            }
            System.out.printf("%s, %,d items, %d changed, %d rounds, %d cores, load %.2f:%n", name, ITEMS, CHANGES,
                    ROUNDS, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            report("  full read   ", full);
            report("  changes only", incremental);
        }
    }

    private static Item item(int i, int round) {
        int id = Math.floorMod(i, ITEMS);
        return anItem("item-" + id).categories("category-" + id % 50).tags("tag-" + id % 7)
                .createdSecondsAfterStart(id).available(id % 5 != 0).attribute("round", Integer.toString(round))
                .build();
    }

    /** CPU nanoseconds and bytes allocated by the calling thread while {@code refresh} runs. */
    private static long[] cost(Runnable refresh) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long bytes = threads.getCurrentThreadAllocatedBytes();
        refresh.run();
        return new long[] {threads.getCurrentThreadCpuTime() - cpu, threads.getCurrentThreadAllocatedBytes() - bytes};
    }

    private static void report(String label, List<long[]> costs) {
        long[] cpu = costs.stream().mapToLong(c -> c[0]).sorted().toArray();
        long[] bytes = costs.stream().mapToLong(c -> c[1]).sorted().toArray();
        System.out.printf("%s: CPU median %.2f ms (min %.2f, max %.2f), allocated median %.2f MB (min %.2f)%n",
                label, cpu[cpu.length / 2] / 1e6, cpu[0] / 1e6, cpu[cpu.length - 1] / 1e6,
                bytes[bytes.length / 2] / 1e6, bytes[0] / 1e6);
        System.out.println("    CPU ms by round (sorted): " + Arrays.toString(Arrays.stream(cpu)
                .mapToObj(n -> String.format("%.2f", n / 1e6)).toArray()));
    }
}
