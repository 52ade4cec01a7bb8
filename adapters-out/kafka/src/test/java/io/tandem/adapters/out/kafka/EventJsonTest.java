package io.tandem.adapters.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

class EventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesEveryMemberOfAFullEvent() throws Exception {
        Event event = new Event(new EventId("e-1"), EventType.ADD_TO_CART, new UserId("u-1"), new ItemId("i-9"),
                Instant.parse("2026-11-21T09:30:00Z"), OptionalDouble.of(19.5),
                new EventContext(Optional.of("home"), Optional.of("r-7"), OptionalInt.of(3)));

        String json = new String(EventJson.encode(event), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"id\":\"e-1\",\"type\":\"add-to-cart\",\"userId\":\"u-1\",\"itemId\":\"i-9\","
                + "\"time\":\"2026-11-21T09:30:00Z\",\"value\":19.5,"
                + "\"context\":{\"surface\":\"home\",\"requestId\":\"r-7\",\"position\":3}}");
    }

    @Test
    void leavesAbsentValueAndContextMembersOut() throws Exception {
        Event event = EventFixture.click("e-2", "u", "i", Instant.parse("2026-01-02T03:04:05.000000006Z"));

        JsonNode node = JSON.readTree(EventJson.encode(event));

        assertThat(node.has("value")).isFalse();
        assertThat(node.get("context").isObject()).isTrue();
        assertThat(node.get("context").size()).isZero();
        assertThat(Instant.parse(node.get("time").asText())).isEqualTo(event.time());
    }

    @Test
    void writesOnlyThePresentContextMembersWithoutStrayCommas() throws Exception {
        Event event = new Event(new EventId("e"), EventType.IMPRESSION, new UserId("u"), new ItemId("i"),
                Instant.EPOCH, OptionalDouble.empty(),
                new EventContext(Optional.empty(), Optional.empty(), OptionalInt.of(2)));

        String json = new String(EventJson.encode(event), StandardCharsets.UTF_8);

        assertThat(json).endsWith(",\"context\":{\"position\":2}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plain", "quote\"", "back\\slash", "slash/", "new\nline", "\r\t\b\f", "\u0000\u0001\u001f",
            "\u007f", "line\u2028para\u2029", "é中", "😀 astral", "lone high \ud83d end", "lone low \ude00",
            "reversed \ude00\ud83d", "\ud83d", EventFixture.AWKWARD_WITH_LONE_SURROGATE})
    void keepsAnyStringExactly(String text) throws Exception {
        Event event = new Event(new EventId("id " + text), EventType.LIKE, new UserId("user " + text),
                new ItemId("item " + text), Instant.EPOCH, OptionalDouble.empty(),
                new EventContext(Optional.of("surface " + text), Optional.of("request " + text), OptionalInt.empty()));

        byte[] encoded = EventJson.encode(event);
        JsonNode node = JSON.readTree(encoded);

        assertThat(node.get("id").asText()).isEqualTo(event.id().value());
        assertThat(node.get("userId").asText()).isEqualTo(event.user().value());
        assertThat(node.get("itemId").asText()).isEqualTo(event.item().value());
        assertThat(node.get("context").get("surface").asText()).isEqualTo(event.context().surface().orElseThrow());
        assertThat(node.get("context").get("requestId").asText()).isEqualTo(event.context().requestId().orElseThrow());
        // Strict UTF-8: no raw control characters and no '?' substituted for a lone surrogate.
        String raw = new String(encoded, StandardCharsets.UTF_8);
        assertThat(raw.chars().noneMatch(c -> c < 0x20)).isTrue();
        assertThat(raw).doesNotContain("\ufffd");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 4.0, 4.5, 0.1, 1e-7, 123456789.125, 9.007199254740991E15,
            9.007199254740992E15, 1e20, 1.7976931348623157E308, Double.MIN_VALUE, -3.25})
    void writesNumbersThatParseBackToTheSameDouble(double value) throws Exception {
        Event event = new Event(new EventId("e"), EventType.VIEW, new UserId("u"), new ItemId("i"), Instant.EPOCH,
                OptionalDouble.of(Math.abs(value)), EventContext.NONE);

        JsonNode node = JSON.readTree(EventJson.encode(event));

        assertThat(node.get("value").isNumber()).isTrue();
        assertThat(node.get("value").asDouble()).isEqualTo(Math.abs(value));
    }

    @Test
    void writesWholeNumbersWithoutAFraction() {
        StringBuilder json = new StringBuilder();
        EventJson.appendNumber(json, 4.0);
        json.append(' ');
        EventJson.appendNumber(json, 1e20);

        assertThat(json).hasToString("4 1.0E20");
    }

    @Test
    void everyEventOfTheFixtureIsValidJson() throws Exception {
        for (Event event : EventFixture.varied("v", 200, 13)) {
            JsonNode node = JSON.readTree(EventJson.encode(event));
            assertThat(node.get("type").asText()).isEqualTo(event.type().wireName());
            assertThat(node.get("id").asText()).isEqualTo(event.id().value());
        }
    }
}
