package io.tandem.application.ingestion.port.out;

import io.tandem.domain.interaction.EventId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every event-id claim store promises (ADR-0007, ADR-0019), run by each adapter's test: a claim wins only the ids
 * not claimed before, a released id can be claimed again, the longest ids the input contract allows are kept whole,
 * and of concurrent claims of one id, from one client or from two on the same store, exactly one wins.
 */
public abstract class ClaimEventIdsContract {

    /** An empty store for one test. */
    protected abstract ClaimEventIdsPort emptyStore();

    /**
     * A second client of the store that {@link #emptyStore()} returned last, as another process would open it; the
     * same object where the store lives in one process only.
     */
    protected ClaimEventIdsPort secondClient(ClaimEventIdsPort store) {
        return store;
    }

    @Test
    void aClaimWinsOnlyTheIdsNotClaimedBeforeEachOnce() {
        ClaimEventIdsPort claims = emptyStore();

        assertThat(claims.claim(ids("e1", "e2", "e2"))).containsExactlyInAnyOrderElementsOf(ids("e1", "e2"));
        assertThat(claims.claim(ids("e2", "e3"))).containsExactly(new EventId("e3"));
        assertThat(claims.claim(ids("e1", "e2", "e3"))).isEmpty();
        assertThat(secondClient(claims).claim(ids("e3", "e4"))).containsExactly(new EventId("e4"));
    }

    @Test
    void emptyBatchesClaimAndReleaseNothing() {
        ClaimEventIdsPort claims = emptyStore();
        claims.claim(ids("kept"));

        assertThat(claims.claim(List.of())).isEmpty();
        claims.release(List.of());

        assertThat(claims.claim(ids("kept"))).isEmpty();
    }

    @Test
    void releasedIdsCanBeClaimedAgainAndReleasingAnUnknownIdIsHarmless() {
        ClaimEventIdsPort claims = emptyStore();
        claims.claim(ids("kept", "released-1", "released-2"));

        claims.release(ids("released-1", "released-2", "never-claimed"));

        assertThat(claims.claim(ids("kept", "released-1", "released-2")))
                .containsExactlyInAnyOrderElementsOf(ids("released-1", "released-2"));
        assertThat(claims.claim(ids("never-claimed"))).containsExactly(new EventId("never-claimed"));
    }

    @Test
    void theLongestEventIdsTheInputContractAllowsAreClaimedWhole() {
        ClaimEventIdsPort claims = emptyStore();
        // 256 bytes of UTF-8 (ADR-0019): 256 ASCII characters, or 64 four-byte ones; the two differ from their
        // own 255-character prefixes, which are claimed apart.
        EventId ascii = new EventId("e".repeat(256));
        EventId astral = new EventId("😀".repeat(64));
        EventId shorter = new EventId("e".repeat(255));

        assertThat(claims.claim(List.of(ascii, astral))).containsExactlyInAnyOrder(ascii, astral);
        assertThat(claims.claim(List.of(ascii, astral, shorter))).containsExactly(shorter);
    }

    @Test
    void ofConcurrentClaimsOfTheSameIdsExactlyOneWinsEachId() throws Exception {
        ClaimEventIdsPort claims = emptyStore();
        ClaimEventIdsPort other = secondClient(claims);
        List<EventId> shared = IntStream.range(0, 1_500).mapToObj(i -> new EventId("shared-" + i)).toList();
        int contenders = 4;
        CyclicBarrier start = new CyclicBarrier(contenders);
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Set<EventId>>> outcomes = new ArrayList<>();
            for (int t = 0; t < contenders; t++) {
                int contender = t;
                List<EventId> mine = new ArrayList<>(shared);
                IntStream.range(0, 100).forEach(i -> mine.add(new EventId("only-" + contender + "-" + i)));
                // Each contender in its own order: lock ordering inside the store must keep them from deadlocking.
                Collections.shuffle(mine, new Random(t));
                ClaimEventIdsPort client = t % 2 == 0 ? claims : other;
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return client.claim(mine);
                }));
            }
            Set<EventId> won = new HashSet<>();
            int wins = 0;
            for (Future<Set<EventId>> outcome : outcomes) {
                Set<EventId> mine = outcome.get(2, TimeUnit.MINUTES);
                wins += mine.size();
                won.addAll(mine);
            }

            assertThat(wins).as("every id won once").isEqualTo(won.size());
            assertThat(won).containsAll(shared).hasSize(shared.size() + contenders * 100);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The event ids of {@code values}, in order, repeats kept. */
    protected static List<EventId> ids(String... values) {
        return List.of(values).stream().map(EventId::new).toList();
    }
}
