package io.tandem.adapters.out.memory;

import io.tandem.application.experiment.port.out.ServedListStoreContract;
import io.tandem.domain.experiment.attribution.ServedList;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The served-list store's contract on the in-memory adapter, and its expiry. */
class InMemoryServedListsAdapterTest extends ServedListStoreContract {

    @Override
    protected Store store() {
        return Store.of(new InMemoryServedListsAdapter(Duration.ofDays(2), Clock.fixed(SERVED, ZoneOffset.UTC)));
    }

    @Test
    void aListOlderThanItsKeepIsNoLongerFoundAndIsSweptAway() {
        MutableClock clock = new MutableClock(SERVED);
        InMemoryServedListsAdapter adapter = new InMemoryServedListsAdapter(Duration.ofDays(2), clock);
        String old = freshId();
        adapter.recordServedList(list(old, "a", false, "i1"));
        clock.now = SERVED.plus(Duration.ofDays(2)).plusSeconds(1);

        assertThat(adapter.loadServedLists(List.of(old))).isEmpty();
        for (int i = 0; i < 1_023; i++) {
            ServedList template = list("new-" + i, "a", false, "i1");
            adapter.recordServedList(new ServedList(template.requestId(), template.experiment(), template.variant(),
                    template.user(), clock.now, template.items(), template.latency(), template.fallback()));
        }
        // The 1,024th recording swept the expired list away and kept every fresh one.
        assertThat(adapter.size()).isEqualTo(1_023);
        assertThat(adapter.loadServedLists(List.of("new-0", "new-1022"))).hasSize(2);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
