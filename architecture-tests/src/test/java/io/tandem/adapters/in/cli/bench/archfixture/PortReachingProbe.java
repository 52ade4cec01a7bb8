package io.tandem.adapters.in.cli.bench.archfixture;

import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;

/**
 * Violating fixture: an outbound port held in the harness's old home inside the command line, which no exemption
 * covers since the harness left for its own module.
 */
public final class PortReachingProbe {

    private final LoadItemsPort loadItems;

    public PortReachingProbe(LoadItemsPort loadItems) {
        this.loadItems = loadItems;
    }
}
