package io.tandem.domain.fakecatalog.archfixture;

import io.micronaut.core.annotation.Introspected;

/** Violating fixture: a domain record carrying a Micronaut annotation. */
@Introspected
public record IntrospectedItem(String id) {
}
