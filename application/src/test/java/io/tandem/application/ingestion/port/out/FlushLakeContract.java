package io.tandem.application.ingestion.port.out;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every lake archiver that can be flushed promises (ADR-0021), run by each one's test: one flush puts every event
 * handed over before the barrier into the lake, each once, without waiting for a timer; an empty log is covered at
 * once; a lake that refuses writes leaves the barrier unreached when the time is up, within about that time, saying how
 * far the archiver got; once the lake is back, a flush reaches the barrier. The log here has one partition.
 */
public abstract class FlushLakeContract {

    /** One archiver under test, over a log and a lake the test controls. */
    public interface Archiver {

        /** The archiver's flush. */
        FlushLakePort flush();

        /** Appends {@code count} new events to the log the archiver reads, as the event log hands them over. */
        void append(int count);

        /** Makes the lake refuse every write ({@code true}) or take them again ({@code false}). */
        void lakeRefusesWrites(boolean refuses);

        /** The ids of the events the lake holds now, one entry per stored record (a batch written again replaces its own). */
        List<String> eventIdsInLake();
    }

    /** A fresh archiver over an empty log and an empty lake, whose timer would not write within any test. */
    protected abstract Archiver archiver();

    @Test
    void oneFlushPutsEveryEventBeforeTheBarrierInTheLakeOnce() {
        Archiver archiver = archiver();
        archiver.append(250);
        archiver.append(50);

        EventLogPosition archived = archiver.flush().flushUpTo(EventLogPosition.single(300), Duration.ofSeconds(10));

        assertThat(archived.covers(EventLogPosition.single(300))).isTrue();
        assertThat(archiver.eventIdsInLake()).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void aLakeThatRefusesWritesLeavesTheBarrierUnreachedAndAFlushReachesItOnceTheLakeIsBack() {
        Archiver archiver = archiver();
        archiver.lakeRefusesWrites(true);
        archiver.append(120);

        long started = System.nanoTime();
        EventLogPosition stuck = archiver.flush().flushUpTo(EventLogPosition.single(120), Duration.ofMillis(700));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(stuck.covers(EventLogPosition.single(120))).isFalse();
        assertThat(stuck.next(0)).isZero();
        assertThat(archiver.eventIdsInLake()).isEmpty();

        archiver.lakeRefusesWrites(false);
        EventLogPosition reached = archiver.flush().flushUpTo(EventLogPosition.single(120), Duration.ofSeconds(10));

        assertThat(reached.covers(EventLogPosition.single(120))).isTrue();
        assertThat(archiver.eventIdsInLake()).hasSize(120).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyLogIsCoveredAtOnce() {
        Archiver archiver = archiver();

        EventLogPosition archived = archiver.flush().flushUpTo(EventLogPosition.single(0), Duration.ofSeconds(1));

        assertThat(archived.covers(EventLogPosition.single(0))).isTrue();
        assertThat(archived.next(0)).isZero();
        assertThat(archiver.eventIdsInLake()).isEmpty();
    }
}
