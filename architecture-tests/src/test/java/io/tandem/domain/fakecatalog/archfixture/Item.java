package io.tandem.domain.fakecatalog.archfixture;

import java.util.List;

/** Conforming fixture: a domain record on the JDK alone (arrays and primitives included). */
public record Item(String id, List<String> tags, float[] embedding) {
}
