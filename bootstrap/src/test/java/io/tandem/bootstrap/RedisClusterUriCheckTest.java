package io.tandem.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem.redis.uri} names one server or a Redis Cluster; the configuration check says which forms it reads. */
class RedisClusterUriCheckTest {

    @Test
    void aClusterUriIsValidAndNamesRedisAsTheService() {
        ConfigurationCheck check = check("redis-cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003");

        assertThat(check.problems()).isEmpty();
        assertThat(check.services()).filteredOn(service -> service.name().equals("Redis"))
                .singleElement().extracting(ConfigurationCheck.Service::location)
                .isEqualTo("redis-cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003");
    }

    @Test
    void malformedClusterUrisAreNamedWithTheFormsRead() {
        assertThat(check("redis://127.0.0.1:7001,127.0.0.1:7002").problems()).containsExactly(
                "tandem.redis.uri (TANDEM_REDIS_URI): 'redis://127.0.0.1:7001,127.0.0.1:7002' names several servers:"
                        + " use redis-cluster://host:port,host:port,... for a Redis Cluster"
                        + " when tandem.online-store=redis");
        assertThat(check("redis-cluster://127.0.0.1:7001,127.0.0.1").problems()).containsExactly(
                "tandem.redis.uri (TANDEM_REDIS_URI): '127.0.0.1' in 'redis-cluster://127.0.0.1:7001,127.0.0.1'"
                        + " is not a cluster node as host:port (redis-cluster://host:port,host:port,... for a Redis"
                        + " Cluster) when tandem.online-store=redis");
        List<String> problems = check("redis-cluster://:secret@127.0.0.1:7001/2").problems();
        assertThat(problems).singleElement().asString()
                .contains("a Redis Cluster has database 0 only").doesNotContain("secret");
    }

    private static ConfigurationCheck check(String uri) {
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .environmentPropertySource(false)
                .properties(Map.of("tandem.online-store", "redis", "tandem.redis.uri", uri)).build();
        Environment environment = context.getEnvironment();
        environment.start();
        try {
            return ConfigurationCheck.of(environment, Profile.EMBEDDED);
        } finally {
            environment.stop();
        }
    }
}
