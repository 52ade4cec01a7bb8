package io.tandem.adapters.in.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production run's data goes at its end, against the services that {@code scripts/services.sh} runs: every Redis key
 * under the run's prefix (more than one SCAN step of them) and no other key, its topics and its bucket with objects.
 */
class RunDataIT {

    @Test
    void theRunsKeysTopicsAndBucketGoAndNothingElse() throws Exception {
        String run = "it" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> properties = BenchAdapters.PRODUCTION.properties(run, Path.of("unused"));
        String prefix = (String) properties.get("tandem.redis.key-prefix");
        String topic = (String) properties.get("tandem.kafka.topic");
        String bucket = (String) properties.get("tandem.lake.s3.bucket");
        String neighbour = "tandem-bench-" + run + "x:kept";
        RedisClient redis = RedisClient.create((String) properties.get("tandem.redis.uri"));
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            IntStream.range(0, 2_500).forEach(i -> connection.sync().set(prefix + "user:" + i, "v"));
            connection.sync().set(neighbour, "v");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    properties.get("tandem.kafka.bootstrap-servers")))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(topic + ".dlq", 1,
                        (short) 1))).all().get(30, TimeUnit.SECONDS);
                MinioClient s3 = MinioClient.builder().endpoint((String) properties.get("tandem.lake.s3.endpoint"))
                        .credentials((String) properties.get("tandem.lake.s3.access-key"),
                                (String) properties.get("tandem.lake.s3.secret-key")).build();
                s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                for (int i = 0; i < 3; i++) {
                    byte[] body = "x".getBytes(StandardCharsets.UTF_8);
                    s3.putObject(PutObjectArgs.builder().bucket(bucket).object("events/part-" + i)
                            .stream(new ByteArrayInputStream(body), body.length, -1).build());
                }
                ByteArrayOutputStream printed = new ByteArrayOutputStream();

                new RunData(properties, new PrintStream(printed, true, StandardCharsets.UTF_8)).remove();

                assertThat(connection.sync().keys(RunData.glob(prefix) + "*")).isEmpty();
                assertThat(connection.sync().exists(neighbour)).isOne();
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(topic,
                        topic + ".dlq");
                assertThat(s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isFalse();
                assertThat(printed.toString(StandardCharsets.UTF_8)).contains("removed 2,500 Redis keys")
                        .doesNotContain("could not");
            }
        } finally {
            try (StatefulRedisConnection<String, String> connection = redis.connect()) {
                connection.sync().del(neighbour);
            }
            redis.shutdown();
        }
    }

    @Test
    void anEmbeddedRunLeavesNothingToRemove() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new RunData(BenchAdapters.EMBEDDED.properties("run", Path.of("scratch")),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).remove();

        assertThat(printed.size()).isZero();
    }

    @Test
    void aPatternMatchesThePrefixLiterally() {
        assertThat(RunData.glob("tandem-bench-ab12:")).isEqualTo("tandem-bench-ab12:");
        assertThat(RunData.glob("a*b?[c]\\")).isEqualTo("a\\*b\\?\\[c\\]\\\\");
    }
}
