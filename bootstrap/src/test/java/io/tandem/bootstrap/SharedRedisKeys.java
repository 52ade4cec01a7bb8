package io.tandem.bootstrap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** The keys a test run left in a shared Redis (one server), removed so that no run leaves any behind. */
final class SharedRedisKeys {

    private SharedRedisKeys() {
    }

    /** Every key of {@code uri} that starts with {@code prefix} (which holds no SCAN wildcard), by SCAN and UNLINK. */
    static void remove(String uri, String prefix) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> commands = connection.sync();
            ScanIterator<String> keys = ScanIterator.scan(commands, ScanArgs.Builder.matches(prefix + "*").limit(1000));
            while (keys.hasNext()) {
                commands.unlink(keys.next());
            }
        } finally {
            client.shutdown();
        }
    }
}
