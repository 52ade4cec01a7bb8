/** Fixture: compiled, a package-info is an interface to ArchUnit, yet it is no use case. */
package io.tandem.application.fakeranking.port.in.archfixture;
