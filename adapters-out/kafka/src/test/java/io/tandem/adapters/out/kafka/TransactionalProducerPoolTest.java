package io.tandem.adapters.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class TransactionalProducerPoolTest {

    @Test
    void transactionalIdsAreThePrefixARandomIdAndTheIndexAndNeverRepeat() {
        List<String> ids = TransactionalProducerPool.transactionalIds("tandem-event-log", 3);
        List<String> again = TransactionalProducerPool.transactionalIds("tandem-event-log", 3);

        String poolId = ids.get(0).substring("tandem-event-log-".length(), ids.get(0).length() - "-0".length());
        assertThat(poolId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(ids).containsExactly("tandem-event-log-" + poolId + "-0", "tandem-event-log-" + poolId + "-1",
                "tandem-event-log-" + poolId + "-2");
        assertThat(ids).doesNotContainAnyElementsOf(again);
    }
}
