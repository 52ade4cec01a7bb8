package io.tandem.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "item-1", "Ünïcödé ok", "a b", "😀", "1.5", "\uFFFD"})
    void canonicalIdsPassUnchanged(String id) {
        assertThat(CanonicalText.requireId("id", id)).isSameAs(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " a", "a ", "\ta", "a\u00A0", "\u3000a", "a\u0000b", "a\u001Fb", "a\u007Fb",
            "a\u0085b", "\uD800", "a\uDC00b", "\uDBFF"})
    void idsThatAreNotCanonicalAreRefusedNotRepaired(String id) {
        assertThatThrownBy(() -> CanonicalText.requireId("itemId", id))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("itemId"));
    }

    @Test
    void theLimitIsInUtf8Bytes() {
        assertThat(CanonicalText.requireId("id", "a".repeat(256))).hasSize(256);
        assertThat(CanonicalText.requireId("id", "é".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> CanonicalText.requireId("id", "é".repeat(129)))
                .hasMessageContaining("256 bytes");
        assertThatThrownBy(() -> CanonicalText.requireId("id", "a".repeat(257))).hasMessageContaining("256 bytes");
        assertThat(CanonicalText.utf8Length("😀")).isEqualTo(4);
    }

    @Test
    void freeTextMayHoldLineBreaksButNoOtherControlCharacter() {
        assertThat(CanonicalText.requireFreeText("attributes.k", " two\nlines\t", 1024)).isEqualTo(" two\nlines\t");
        assertThatThrownBy(() -> CanonicalText.requireFreeText("attributes.k", "bell\u0007", 1024))
                .hasMessageContaining("control");
        assertThatThrownBy(() -> CanonicalText.requireFreeText("attributes.k", "x".repeat(1025), 1024))
                .hasMessageContaining("1024 bytes");
    }

    @Test
    void anExcerptIsShortAndPrintable() {
        assertThat(CanonicalText.excerpt("a\u0000\uD800b")).isEqualTo("a\\u0000\\uD800b");
        assertThat(CanonicalText.excerpt("x".repeat(100))).isEqualTo("x".repeat(40) + "…");
        assertThat(CanonicalText.excerpt("x".repeat(40))).isEqualTo("x".repeat(40));
    }
}
