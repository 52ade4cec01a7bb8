package io.tandem.adapters.in.cli.bench.archfixture;

import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;

/**
 * Violating fixture: below the bench package, whose exemption from the inbound-port rule covers that one
 * package and nothing under it.
 */
public final class PortReachingProbe {

    private final LoadItemsPort loadItems;

    public PortReachingProbe(LoadItemsPort loadItems) {
        this.loadItems = loadItems;
    }
}
