package io.tandem.domain.interaction;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class UtcTimeTextTest {

    @Test
    void readsWhatInstantWritesAsTheFormatterDoes() {
        SplittableRandom random = new SplittableRandom(2026);
        long latest = Instant.parse("9999-12-31T23:59:59.999999999Z").getEpochSecond();
        long earliest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(earliest, latest + 1),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            String text = instant.toString();
            assertThat(UtcTimeText.parse(text)).as(text).isEqualTo(instant)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void takesEveryFractionLengthTheFormatterTakes() {
        String[] texts = {"2026-11-21T09:30:00.1Z", "2026-11-21T09:30:00.12Z", "2026-11-21T09:30:00.1234Z",
                "2026-11-21T09:30:00.12345Z", "2026-11-21T09:30:00.1234567Z", "2026-11-21T09:30:00.12345678Z",
                "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z"};
        for (String text : texts) {
            assertThat(UtcTimeText.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void leavesEveryInvalidOrOtherSpellingToTheFormatter() {
        String[] texts = {"2026-02-30T09:30:00Z", "2025-02-29T09:30:00Z", "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z",
                "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-01-01T09:30:00.Z",
                "2026-01-01T09:30:00.1234567890Z", "2026-01-01T09:30Z", "2026-01-01t09:30:00Z", "2026-01-01T09:30:00z",
                "2026-01-01T09:30:00+00:00", "2026-01-01T09:30:00+01:00", "+12026-01-01T09:30:00Z",
                "2026-01-01 09:30:00Z", "2026-1-01T09:30:00Z", "2026-01-01T09:3a:00Z", "2026-01-01T09:30:00,5Z",
                "2026-01-01T09:30:00.5 Z", " 2026-01-01T09:30:00Z", "２026-01-01T09:30:00Z", "1764583200",
                "2026-01-01T09:30:00.-5Z", ""};
        for (String text : texts) {
            assertThat(UtcTimeText.parse(text)).as(text).isNull();
        }
    }

    @Test
    void neverAcceptsWhatTheFormatterRefuses() {
        SplittableRandom random = new SplittableRandom(7);
        char[] alphabet = "0123456789-:TZ.+ ".toCharArray();
        String base = "2026-11-21T09:30:00.123Z";
        for (int i = 0; i < 50_000; i++) {
            char[] text = base.toCharArray();
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                text[random.nextInt(text.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            String mutated = new String(text);
            Instant fast = UtcTimeText.parse(mutated);
            if (fast != null) {
                // Throws, failing the test, if the formatter refuses what the fast path took.
                assertThat(fast).as(mutated).isEqualTo(OffsetDateTime.parse(mutated).toInstant());
            }
        }
    }
}
