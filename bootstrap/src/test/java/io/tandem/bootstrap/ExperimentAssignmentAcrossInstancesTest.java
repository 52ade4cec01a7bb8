package io.tandem.bootstrap;

import io.tandem.application.experiment.port.in.AssignVariantQuery;
import io.tandem.application.experiment.port.in.AssignVariantUseCase;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Assignment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Tandem instances over one database, as two replicas behind a load balancer: an experiment started through one
 * is seen by the other, and both put every user in the same variant (ADR-0024).
 */
class ExperimentAssignmentAcrossInstancesTest {

    @Test
    void twoInstancesPutEveryUserInTheSameVariant() throws IOException {
        String database = "jdbc:h2:file:" + Files.createTempDirectory("tandem-shared-db").resolve("tandem")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Map<String, Object> shared = Map.of("datasources.default.url", database,
                "tandem.experiments.refresh-interval", "0s");
        try (TandemHttp one = TandemHttp.start(shared); TandemHttp two = TandemHttp.start(shared)) {
            AssignVariantUseCase first = one.context().getBean(AssignVariantUseCase.class);
            AssignVariantUseCase second = two.context().getBean(AssignVariantUseCase.class);
            AssignVariantQuery somebody = new AssignVariantQuery(UserId.of("u0"), Optional.empty());
            assertThat(second.assign(somebody)).as("nothing runs yet").isEmpty();

            assertThat(one.postJson("/v1/experiments", "{\"name\":\"replicas-1\",\"holdout\":0.1,\"variants\":["
                    + "{\"name\":\"a\",\"share\":0.3,\"model\":\"champion\"},{\"name\":\"b\",\"share\":0.7,"
                    + "\"model\":null}]}").status()).isEqualTo(201);
            assertThat(one.postJson("/v1/experiments/replicas-1/start", "").status()).isEqualTo(200);

            Map<String, Integer> groups = new HashMap<>();
            for (int u = 0; u < 1_000; u++) {
                AssignVariantQuery query = new AssignVariantQuery(UserId.of("user-" + u), Optional.empty());
                Assignment onFirst = first.assign(query).orElseThrow();
                assertThat(second.assign(query)).as("user-" + u).contains(onFirst);
                groups.merge(onFirst.group(), 1, Integer::sum);
            }
            assertThat(groups.keySet()).containsExactlyInAnyOrder("a", "b", "holdout");
            assertThat(groups.get("b")).isBetween(570, 690);

            assertThat(two.postJson("/v1/experiments/replicas-1/stop", "").status()).isEqualTo(200);
            assertThat(first.assign(somebody)).as("stopped through the other instance").isEmpty();
        }
    }
}
