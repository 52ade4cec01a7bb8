package io.tandem.adapters.in.fakecli.archfixture;

import io.tandem.adapters.shared.fakejson.archfixture.ItemJson;

/** Conforming fixture: an inbound adapter using shared adapter code, which the adapter rule allows. */
public final class ItemLine {

    public String line(String id) {
        return ItemJson.encode(id);
    }
}
