/** Fixture: compiled, a package-info is an interface to ArchUnit, yet it is no port. */
package io.tandem.application.fakecatalog.port.out.archfixture;
