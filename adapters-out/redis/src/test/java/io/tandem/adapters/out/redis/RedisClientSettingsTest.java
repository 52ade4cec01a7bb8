package io.tandem.adapters.out.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.SlotHash;
import io.tandem.domain.catalog.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A Redis URI is checked when the settings are made, not on the first connection, which the adapters defer. */
class RedisClientSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:6379", "localhost", "http://127.0.0.1:6379"})
    void refusesWhatIsNotARedisUri(String uri) {
        assertThatThrownBy(() -> RedisClientSettings.of(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uri: '" + uri + "' is not a Redis URI (redis://host:port[/db])");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://127.0.0.1:6379", "redis://:secret@redis.example.com:6380/2", "rediss://host"})
    void acceptsRedisUris(String uri) {
        assertThat(new RedisClientSettings(uri, "", Duration.ofSeconds(1)).uri()).isEqualTo(uri);
    }

    @Test
    void aClusterUriNamesItsSeedNodes() {
        RedisEndpoint endpoint = new RedisClientSettings("rediss-cluster://app:s3cret@10.0.0.1:7001, [::1]:7002", "",
                Duration.ofSeconds(1)).endpoint();

        assertThat(endpoint.cluster()).isTrue();
        assertThat(endpoint.seeds()).extracting(RedisURI::getHost, RedisURI::getPort, RedisURI::isSsl,
                RedisURI::getUsername).containsExactly(tuple("10.0.0.1", 7001, true, "app"),
                tuple("::1", 7002, true, "app"));
        assertThat(endpoint.seeds().get(0).getPassword()).containsExactly("s3cret".toCharArray());
        assertThat(RedisClientSettings.of("redis://127.0.0.1:6379").endpoint().cluster()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cluster://", "redis-cluster://127.0.0.1", "redis-cluster://h:7001,,h:7002",
        "redis-cluster://h:0", "redis-cluster://h:70001", "redis-cluster://:7001", "redis-cluster://h:x"})
    void refusesAClusterUriWithoutHostAndPortForEachNode(String uri) {
        assertThatThrownBy(() -> RedisClientSettings.of(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("uri: '")
                .hasMessageEndingWith("is not a cluster node as host:port"
                        + " (redis-cluster://host:port,host:port,... for a Redis Cluster)");
    }

    @Test
    void refusesADatabaseOnAClusterAndSeveralHostsInARedisUriWithoutShowingThePassword() {
        assertThatThrownBy(() -> RedisClientSettings.of("redis-cluster://:pw@h:7001/1"))
                .hasMessage("uri: a Redis Cluster has database 0 only: 'redis-cluster://***@h:7001/1' must name its"
                        + " nodes and nothing else (redis-cluster://host:port,host:port,... for a Redis Cluster)");
        assertThatThrownBy(() -> RedisClientSettings.of("redis://:pw@h:7001,h:7002"))
                .hasMessage("uri: 'redis://***@h:7001,h:7002' names several servers: use"
                        + " redis-cluster://host:port,host:port,... for a Redis Cluster");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{tandem}:", "tandem{", "}"})
    void refusesABraceInTheKeyPrefixWhichWouldMoveKeysToOtherSlots(String prefix) {
        assertThatThrownBy(() -> new RedisClientSettings("redis://127.0.0.1", prefix, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyPrefix: must not contain '{' or '}' (Tandem sets the hash tags)");
    }

    @Test
    void userTagsAreClosedAndDistinctWhateverTheIdHolds() {
        assertThat(RedisKeys.userTag(UserId.of("alice"))).isEqualTo("{u:alice}");
        assertThat(RedisKeys.userTag(UserId.of("a}b"))).isEqualTo("{u:a%7Db}");
        assertThat(RedisKeys.userTag(UserId.of("a%7Db"))).isEqualTo("{u:a%257Db}");
        RedisKeys keys = new RedisKeys("P:");
        assertThat(keys.recentItems(UserId.of("a}:b"))).isNotEqualTo(keys.recentItems(UserId.of("a")));
    }

    @Test
    void everySlotHasAnAppliedSetTagOfItsOwnSlot() {
        RedisKeys keys = new RedisKeys("P:");
        Set<String> tags = new HashSet<>();
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            String tag = AppliedSets.slotTag(slot);
            assertThat(SlotHash.getSlot(keys.appliedSet(tag, 7))).isEqualTo(slot);
            assertThat(SlotHash.getSlot(keys.appliedRegistry(tag))).isEqualTo(slot);
            tags.add(tag);
        }
        assertThat(tags).hasSize(SlotHash.SLOT_COUNT);
        // The sets are named apart from every user's keys and from the items' own.
        assertThat(keys.appliedSet(AppliedSets.slotTag(0), 1)).startsWith("P:applied:{s:");
    }
}
