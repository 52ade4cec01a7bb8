package io.tandem.application.fakeranking.archfixture;

import io.tandem.adapters.in.fakehttp.archfixture.ItemsController;

/** Violating fixture: the application reaching outward to an adapter. */
public final class ControllerCallingService {

    private final ItemsController controller;

    public ControllerCallingService(ItemsController controller) {
        this.controller = controller;
    }
}
