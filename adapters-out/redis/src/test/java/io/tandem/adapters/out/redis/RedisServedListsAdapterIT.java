package io.tandem.adapters.out.redis;

import io.tandem.application.experiment.port.out.ServedListStoreContract;
import io.tandem.domain.experiment.attribution.ServedList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served-list store's contract on the shared Redis (127.0.0.1:6379 unless {@code TANDEM_REDIS_URI}), each test
 * under its own key prefix; and what only Redis does: one key per request with its own hash tag and a TTL, batch
 * reads beyond one pipeline, and a value it cannot read taken for no list.
 */
class RedisServedListsAdapterIT extends ServedListStoreContract {

    private RedisTestServer redis;
    private String prefix;
    private RedisServedListsAdapter adapter;

    @BeforeEach
    void connect() {
        redis = RedisTestServer.shared();
        prefix = RedisTestServer.uniquePrefix();
        adapter = new RedisServedListsAdapter(redis.settings(prefix), Duration.ofDays(2));
    }

    @AfterEach
    void cleanUp() {
        adapter.close();
        redis.deleteKeys(prefix);
        redis.close();
    }

    @Override
    protected Store store() {
        return Store.of(adapter);
    }

    @Test
    void eachListIsOneKeyWithItsRequestsHashTagAndTheTtl() {
        adapter.recordServedList(list("r-1", "a", false, "i1"));

        String key = prefix + "served:{req:r-1}";
        assertThat(redis.commands().exists(key)).isEqualTo(1L);
        assertThat(redis.commands().ttl(key)).isBetween(Duration.ofDays(2).toSeconds() - 60,
                Duration.ofDays(2).toSeconds());
        assertThat(redis.countKeys(prefix)).isEqualTo(1);
    }

    @Test
    void moreListsThanOnePipelineAreReadInOneCall() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RedisServedListsAdapter.READS_PER_BATCH * 2 + 7; i++) {
            String id = "many-" + i;
            ids.add(id);
            adapter.recordServedList(list(id, i % 2 == 0 ? "a" : "b", false, "i" + i, "j" + i));
        }

        Map<String, ServedList> found = adapter.loadServedLists(ids);

        assertThat(found).hasSize(ids.size());
        assertThat(found.get("many-1006").items().get(0).item().value()).isEqualTo("i1006");
        assertThat(found.get("many-501").variant()).isEqualTo("b");
    }

    @Test
    void aValueTheAdapterCannotReadIsNoList() {
        redis.commands().set(prefix + "served:{req:broken}", "2\u001fsomething else");
        adapter.recordServedList(list("fine", "a", false, "i1"));

        assertThat(adapter.loadServedLists(List.of("broken", "fine"))).containsOnlyKeys("fine");
    }
}
