package io.tandem.adapters.shared.fakejson.archfixture;

import io.tandem.adapters.in.fakehttp.archfixture.ItemsController;

/** Violating fixture: shared adapter code reaching into an inbound adapter. */
public final class ControllerAwareJson {

    private ItemsController controller;
}
