package io.tandem.adapters.in.bench.archfixture;

import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;
import io.tandem.application.fakeranking.archfixture.RankItemsService;

/**
 * Violating fixture: the benchmark harness past its exemption, holding a feature's service and an outbound port
 * that is not one of the request path's named ports.
 */
public final class ServiceReachingProbe {

    private final RankItemsService rankItems;
    private final LoadItemsPort loadItems;

    public ServiceReachingProbe(RankItemsService rankItems, LoadItemsPort loadItems) {
        this.rankItems = rankItems;
        this.loadItems = loadItems;
    }
}
