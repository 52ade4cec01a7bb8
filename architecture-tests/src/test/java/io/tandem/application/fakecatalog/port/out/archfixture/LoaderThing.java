package io.tandem.application.fakecatalog.port.out.archfixture;

/** Violating fixture: an outbound port interface not named ...Port. */
public interface LoaderThing {

    void load();
}
