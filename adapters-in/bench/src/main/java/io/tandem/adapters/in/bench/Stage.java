package io.tandem.adapters.in.bench;

/** The stages of a recommendation request that the stage breakdown tells apart, in request order. */
enum Stage {
    ONLINE_STORE("online-store read"),
    CANDIDATES("candidate generation"),
    CATALOG("catalog reads (newest + candidates)"),
    FEATURES("feature rows"),
    SCORING("ONNX scoring"),
    OTHER("filters, ordering, answer");

    final String label;

    Stage(String label) {
        this.label = label;
    }
}
