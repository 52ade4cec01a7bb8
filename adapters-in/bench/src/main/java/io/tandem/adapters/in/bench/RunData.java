package io.tandem.adapters.in.bench;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.sync.RedisKeyCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What a production bench run leaves in the shared services, removed when it ends (unless {@code --keep-data}): the
 * run's Redis keys (SCAN of its prefix, UNLINK in batches, so neither blocks the server), its Kafka topics and
 * consumer groups, and its S3 bucket. Each part is removed on its own: one that fails is reported with the command
 * that removes it by hand, and the others still go. Run after the server has stopped, so nothing writes again.
 */
final class RunData {

    /** Keys a SCAN step asks for, and keys an UNLINK removes at most. */
    private static final int BATCH = 1_000;
    private static final long CALL_TIMEOUT_SECONDS = 30;

    private final Map<String, Object> properties;
    private final PrintStream out;

    /** @param properties the run's adapter properties ({@link BenchAdapters#properties}) */
    RunData(Map<String, Object> properties, PrintStream out) {
        this.properties = Map.copyOf(properties);
        this.out = out;
    }

    /** Removes what the run's production adapters wrote; nothing when they were embedded (no shared services). */
    void remove() {
        if (!"redis".equals(properties.get("tandem.online-store"))) {
            return;
        }
        String prefix = property("tandem.redis.key-prefix");
        String topic = property("tandem.kafka.topic");
        String bucket = property("tandem.lake.s3.bucket");
        attempt("Redis keys " + prefix + "*", () -> out.printf("  removed %,d Redis keys %s*%n", redisKeys(prefix),
                prefix), "redis-cli --scan --pattern '" + prefix + "*' | xargs -r -n 1000 redis-cli unlink");
        attempt("Kafka topics " + topic + "(.dlq)", this::kafka,
                "kafka-topics.sh --bootstrap-server <servers> --delete --topic '" + topic + ".*'");
        attempt("bucket " + bucket, () -> out.printf("  removed bucket %s (%,d objects)%n", bucket, bucket(bucket)),
                "mc rb --force <alias>/" + bucket);
    }

    private void attempt(String what, Runnable removal, String byHand) {
        try {
            removal.run();
        } catch (RuntimeException e) {
            out.printf("  could not remove %s (%s); by hand: %s%n", what, e.getMessage(), byHand);
        }
    }

    /** SCAN + UNLINK of every key under {@code prefix}, on one server or every node of a cluster. */
    long redisKeys(String prefix) {
        String uri = property("tandem.redis.uri");
        boolean cluster = uri.startsWith("redis-cluster://") || uri.startsWith("rediss-cluster://");
        if (!cluster) {
            RedisClient client = RedisClient.create(RedisURI.create(uri));
            try (var connection = client.connect()) {
                return unlinkAll(connection, connection.sync(), prefix);
            } finally {
                client.shutdown();
            }
        }
        List<RedisURI> seeds = new ArrayList<>();
        String scheme = uri.startsWith("rediss") ? "rediss://" : "redis://";
        for (String node : uri.substring(uri.indexOf("//") + 2).split(",")) {
            seeds.add(RedisURI.create(scheme + node.strip()));
        }
        RedisClusterClient client = RedisClusterClient.create(seeds);
        try (var connection = client.connect()) {
            // The cluster commands scan node after node and split a multi-key UNLINK by slot.
            return unlinkAll(connection, connection.sync(), prefix);
        } finally {
            client.shutdown();
        }
    }

    private static long unlinkAll(StatefulConnection<String, String> connection,
                                  RedisKeyCommands<String, String> commands, String prefix) {
        connection.setTimeout(Duration.ofSeconds(CALL_TIMEOUT_SECONDS));
        ScanArgs match = ScanArgs.Builder.matches(glob(prefix) + "*").limit(BATCH);
        long removed = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> step = commands.scan(cursor, match);
            if (!step.getKeys().isEmpty()) {
                removed += commands.unlink(step.getKeys().toArray(String[]::new));
            }
            cursor = step;
        } while (!cursor.isFinished());
        return removed;
    }

    /** {@code text} with the characters a SCAN pattern reads as wildcards escaped. */
    static String glob(String text) {
        return text.replaceAll("([\\\\*?\\[\\]^])", "\\\\$1");
    }

    private void kafka() {
        String topic = property("tandem.kafka.topic");
        String groups = property("tandem.kafka.group-prefix") + ".";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                property("tandem.kafka.bootstrap-servers"), AdminClientConfig.CLIENT_ID_CONFIG, "tandem-bench"))) {
            List<String> ours = within(admin.listTopics().names(), names -> names.stream()
                    .filter(name -> name.equals(topic) || name.startsWith(topic + ".")).toList());
            within(admin.deleteTopics(ours).all(), done -> done);
            List<String> groupIds = within(admin.listConsumerGroups().all(), listings -> listings.stream()
                    .map(ConsumerGroupListing::groupId).filter(id -> id.startsWith(groups)).toList());
            within(admin.deleteConsumerGroups(groupIds).all(), done -> done);
            out.printf("  removed Kafka topics %s and %d consumer groups %s*%n", ours, groupIds.size(), groups);
        }
    }

    private static <T, R> R within(org.apache.kafka.common.KafkaFuture<T> call, Function<T, R> then) {
        try {
            return then.apply(call.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Removes every object of {@code bucket}, in batches, then the bucket; the objects removed. */
    private long bucket(String bucket) {
        MinioClient s3 = MinioClient.builder().endpoint(property("tandem.lake.s3.endpoint"))
                .credentials(property("tandem.lake.s3.access-key"), property("tandem.lake.s3.secret-key")).build();
        try {
            if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                return 0;
            }
            long removed = 0;
            List<DeleteObject> batch = new ArrayList<>();
            for (Result<Item> object : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true)
                    .build())) {
                batch.add(new DeleteObject(object.get().objectName()));
                if (batch.size() == BATCH) {
                    removed += removeObjects(s3, bucket, batch);
                }
            }
            removed += removeObjects(s3, bucket, batch);
            s3.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
            return removed;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static int removeObjects(MinioClient s3, String bucket, List<DeleteObject> batch) throws Exception {
        int count = batch.size();
        if (count > 0) {
            // The errors are lazy: reading them is what sends the request.
            for (Result<DeleteError> error : s3.removeObjects(RemoveObjectsArgs.builder().bucket(bucket)
                    .objects(List.copyOf(batch)).build())) {
                throw new IllegalStateException("could not remove " + error.get().objectName() + ": "
                        + error.get().message());
            }
            batch.clear();
        }
        return count;
    }

    private String property(String name) {
        Object value = properties.get(name);
        if (value == null) {
            throw new IllegalStateException("the run has no " + name);
        }
        return value.toString();
    }
}
