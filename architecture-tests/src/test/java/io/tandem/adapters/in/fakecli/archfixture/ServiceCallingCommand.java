package io.tandem.adapters.in.fakecli.archfixture;

import io.tandem.application.fakeranking.archfixture.RankItemsService;

/** Violating fixture: an inbound adapter holding a feature's service, not the use case it implements. */
public final class ServiceCallingCommand {

    private final RankItemsService service;

    public ServiceCallingCommand(RankItemsService service) {
        this.service = service;
    }
}
