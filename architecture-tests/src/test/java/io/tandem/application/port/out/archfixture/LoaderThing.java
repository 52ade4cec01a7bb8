package io.tandem.application.port.out.archfixture;

/** Violating fixture: an outbound port interface not named ...Port. */
public interface LoaderThing {

    void load();
}
