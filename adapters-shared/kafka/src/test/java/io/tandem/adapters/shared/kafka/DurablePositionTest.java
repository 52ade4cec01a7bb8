package io.tandem.adapters.shared.kafka;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurablePositionTest {

    @Test
    void aRecordedPositionAheadOfTheCommitCounts() {
        assertThat(DurablePosition.reached(new OffsetAndMetadata(10, DurablePosition.metadata(42)))).isEqualTo(42);
    }

    @Test
    void theCommitCountsWhenItIsFurtherOrTheMetadataIsNotAPosition() {
        assertThat(DurablePosition.reached(new OffsetAndMetadata(50, DurablePosition.metadata(42)))).isEqualTo(50);
        assertThat(DurablePosition.reached(new OffsetAndMetadata(10, "durable=x"))).isEqualTo(10);
        assertThat(DurablePosition.reached(new OffsetAndMetadata(10, "other=99"))).isEqualTo(10);
        assertThat(DurablePosition.reached(new OffsetAndMetadata(10))).isEqualTo(10);
    }

    @Test
    void noCommitReachesNothing() {
        assertThat(DurablePosition.reached(null)).isZero();
    }
}
