package io.tandem.application.service.archfixture;

/** Violating fixture: a service in the flat application.service package that feature packages replaced. */
public final class FlatLayoutService {
}
