package io.tandem.adapters.out.redis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
