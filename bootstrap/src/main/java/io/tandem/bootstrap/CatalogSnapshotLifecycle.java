package io.tandem.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tandem.application.catalog.CatalogSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the catalog into the serving snapshot at start and every {@code tandem.serving.catalog-refresh-interval}
 * while {@code tandem.serving.catalog-snapshot} is on. A failed read is logged; serving goes on with the previous
 * snapshot (or, before the first one, with the catalog's own reads).
 */
@Context
@Requires(property = "tandem.serving.catalog-snapshot", notEquals = "false")
final class CatalogSnapshotLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogSnapshotLifecycle.class);

    private final CatalogSnapshot snapshot;
    private volatile boolean failing;

    CatalogSnapshotLifecycle(CatalogSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Scheduled(fixedDelay = "${tandem.serving.catalog-refresh-interval:30s}", initialDelay = "0s")
    void refresh() {
        long start = System.nanoTime();
        try {
            int items = snapshot.refresh();
            LOG.debug("catalog snapshot: {} items read in {} ms", items, (System.nanoTime() - start) / 1_000_000);
            if (failing) {
                LOG.info("catalog snapshot read again: {} items", items);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("could not read the catalog into the serving snapshot ({}); serving {}", e.getMessage(),
                        snapshot.isLoaded() ? "the previous snapshot" : "from the catalog directly");
            }
            failing = true;
        }
    }
}
