package io.tandem.bootstrap;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The registry and jobs endpoints as wired: empty registry, unknown names, bad job requests. */
class RegistryAndJobsHttpTest {

    @AutoClose
    private static final TandemHttp tandem = TandemHttp.start(Map.of());

    @Test
    void anEmptyRegistryListsNoModelsAndNamesUnknownOnes() {
        TandemHttp.Response models = tandem.get("/v1/models");
        assertThat(models.status()).as(models.body()).isEqualTo(200);
        assertThat(models.body()).contains("[]");
        assertProblem(tandem.get("/v1/models/ranker/versions"), 404, "name");
        assertProblem(tandem.postJson("/v1/models/ranker/rollback", ""), 404, "name");
    }

    @Test
    void jobsRefuseUnknownTypesAndUnknownIds() {
        assertProblem(tandem.postJson("/v1/jobs", "{\"type\":\"dance\"}"), 400, "type");
        assertProblem(tandem.postJson("/v1/jobs", "{}"), 400, "type");
        assertProblem(tandem.get("/v1/jobs/no-such-job"), 404, "id");
    }
}
