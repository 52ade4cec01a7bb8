package io.tandem.adapters.shared.json;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    @Test
    void readsEveryKindOfValueKeepingNumbersAsWritten() {
        JsonValue value = parse("{\"s\":\"x\",\"i\":12,\"f\":1.50,\"e\":1e3,\"t\":true,\"n\":null,\"a\":[1,\"b\"]}");

        JsonValue.JsonObject object = (JsonValue.JsonObject) value;
        assertThat(object.members().get("s")).isEqualTo(new JsonValue.JsonText("x"));
        assertThat(object.members().get("i")).isEqualTo(new JsonValue.JsonNumber("12", true));
        assertThat(object.members().get("f")).isEqualTo(new JsonValue.JsonNumber("1.50", false));
        assertThat(object.members().get("e")).isEqualTo(new JsonValue.JsonNumber("1e3", false));
        assertThat(object.members().get("t")).isEqualTo(new JsonValue.JsonBool(true));
        assertThat(object.members().get("n")).isEqualTo(new JsonValue.JsonNull());
        assertThat(((JsonValue.JsonArray) object.members().get("a")).elements()).hasSize(2);
        assertThat(object.repeated()).isEmpty();
    }

    @Test
    void aRepeatedMemberIsRecordedAndTheFirstKeptSoNeitherIsSilentlyChosen() {
        JsonValue.JsonObject object = (JsonValue.JsonObject) parse("{\"id\":\"a\",\"x\":1,\"id\":\"b\"}");

        assertThat(object.repeated()).containsExactly("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,]", "{\"a\":1} {}", "{\"a\":1}x", "NaN", "[Infinity]", "01",
            "{'a':1}", "[1] // comment", "{\"a\":\"tab\tinside\"}"})
    void anythingButOneWellFormedValueIsRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] latin1 = new byte[] {'"', (byte) 0xFF, '"'};

        assertThatThrownBy(() -> StrictJson.parse("body", latin1)).hasMessageContaining("malformed JSON at line 1");
    }

    @Test
    void limitsAreNamedWithoutParserInternals() {
        String deep = "[".repeat(100) + "]".repeat(100);
        String longNumber = "1".repeat(200);
        String longName = "{\"" + "n".repeat(2000) + "\":1}";

        for (String text : new String[] {deep, longNumber, longName, "[1,", "{\"a\" 1}"}) {
            assertThatThrownBy(() -> parse(text))
                    .isInstanceOf(InvalidFieldException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain("Source").doesNotContain("StreamRead").doesNotContain("`")
                            .doesNotContain("Exception").doesNotContain("com.fasterxml"));
        }
        assertThatThrownBy(() -> parse(deep)).hasMessageContaining("deeper than 64");
    }

    private static JsonValue parse(String text) {
        return StrictJson.parse("body", text.getBytes(StandardCharsets.UTF_8));
    }
}
