package io.tandem.adapters.out.redis;

import io.tandem.domain.feature.PopularityDecay;

import java.time.Duration;
import java.time.Instant;

/** A decay epoch with the exact text Redis stores for it (an ISO-8601 instant, full precision). */
record PopularityEpoch(String text, PopularityDecay decay) {

    static PopularityEpoch of(Instant instant, Duration halfLife) {
        return new PopularityEpoch(instant.toString(), new PopularityDecay(halfLife, instant));
    }

    static PopularityEpoch parse(String text, Duration halfLife) {
        return new PopularityEpoch(text, new PopularityDecay(halfLife, Instant.parse(text)));
    }
}
