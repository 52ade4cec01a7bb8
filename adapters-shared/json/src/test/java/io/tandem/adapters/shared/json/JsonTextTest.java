package io.tandem.adapters.shared.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    @Test
    void writesATimeExactlyAsInstantDoes() {
        SplittableRandom random = new SplittableRandom(2026);
        long earliest = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long latest = Instant.parse("+10100-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(earliest, latest + 1),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(written(instant)).isEqualTo('"' + instant.toString() + '"');
        }
    }

    @Test
    void writesTheEdgesOfTheFourDigitYearsAndOfTheFractionGroups() {
        String[] times = {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "-0001-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00.001Z", "1970-01-01T00:00:00.000001Z",
                "1970-01-01T00:00:00.000000001Z", "2026-12-07T11:54:30.100Z", "2026-12-07T11:54:30.010200Z"};
        for (String time : times) {
            Instant instant = Instant.parse(time);
            assertThat(written(instant)).isEqualTo('"' + instant.toString() + '"');
        }
    }

    @Test
    void copiesPlainTextAndEscapesWhatJsonAndJavaScriptNeedEscaped() {
        assertThat(string("u00001-i:7/ä€😀")).isEqualTo("\"u00001-i:7/ä€😀\"");
        assertThat(string("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(string("tab\tline\n\u0001")).isEqualTo("\"tab\\tline\\n\\u0001\"");
        assertThat(string("x\u2028y\u2029z")).isEqualTo("\"x\\u2028y\\u2029z\"");
        assertThat(string("lone\ud800")).isEqualTo("\"lone\\ud800\"");
        assertThat(string("pair\ud83d\ude00")).isEqualTo("\"pair\ud83d\ude00\"");
    }

    private static String string(String text) {
        StringBuilder json = new StringBuilder();
        JsonText.appendString(json, text);
        return json.toString();
    }

    private static String written(Instant instant) {
        StringBuilder json = new StringBuilder();
        JsonText.appendInstant(json, instant);
        return json.toString();
    }
}
