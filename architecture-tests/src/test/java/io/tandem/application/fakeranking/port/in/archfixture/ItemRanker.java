package io.tandem.application.fakeranking.port.in.archfixture;

/** Violating fixture: an inbound port interface not named ...UseCase. */
public interface ItemRanker {

    void rank();
}
