package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.in.synthetic.SyntheticDataset;
import io.tandem.adapters.shared.json.EventWireFormat;
import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.in.UpsertUsersCommand;
import io.tandem.application.catalog.port.in.UpsertUsersUseCase;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.model.ModelRef;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A train job through the front door on embedded adapters (ADR-0021): events POSTed and a train job queued at once
 * train on every one of them, and once the job reads {@code succeeded} its model answers, here, at once.
 */
class TrainJobHttpTest {

    /** A bound, not a speed target: training also picks a half-life and refits, on a shared machine. */
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(8);
    private static final int BATCH = 5_000;

    @Test
    void aTrainQueuedRightAfterTheLastAcceptedEventTrainsOnAllOfThemAndServesWhenItSucceeds() throws Exception {
        // Neither the archiver's timer nor serving's registry poll can help within the test: the job must flush the
        // lake itself and make its champion serve itself.
        Map<String, Object> slowTimers = Map.of("tandem.lake.flush-interval", "1h",
                "tandem.serving.model-poll-interval", "1h");
        try (TandemHttp tandem = TandemHttp.start(slowTimers)) {
            SyntheticDataset dataset = SyntheticLake.generate(7L);
            tandem.context().getBean(UpsertItemsUseCase.class).upsert(new UpsertItemsCommand(dataset.items()));
            tandem.context().getBean(UpsertUsersUseCase.class).upsert(new UpsertUsersCommand(dataset.users()));
            long accepted = 0;
            List<Event> events = dataset.events();
            for (int from = 0; from < events.size(); from += BATCH) {
                TandemHttp.Response response = tandem.postJson("/v1/events",
                        json(events.subList(from, Math.min(events.size(), from + BATCH))));
                assertThat(response.status()).as(response.body()).isEqualTo(202);
                accepted += response.tree().get("accepted").getLongValue();
            }
            assertThat(accepted).isEqualTo(events.size());

            TandemHttp.Response queued = tandem.postJson("/v1/jobs", "{\"type\":\"train\"}");
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            String jobId = queued.tree().get("jobId").getStringValue();
            JsonNode job = awaitFinished(tandem, jobId);

            String message = job.get("message").getStringValue();
            assertThat(job.get("status").getStringValue()).as(message).isEqualTo("succeeded");
            assertThat(message).contains("; trained on " + events.size() + " lake events (event log read to "
                    + "partition 0 at " + events.size() + ")")
                    .endsWith("; live on this instance");
            ModelRef champion = champion(tandem);
            assertThat(message).contains(champion.version());
            // At once after "succeeded": every user gets the trained model's answer, none the fallback's.
            for (int user = 0; user < SyntheticLake.USERS; user++) {
                String id = String.format("u%05d", user);
                TandemHttp.Response answer = tandem.get("/v1/users/" + id + "/recommendations?count=10");
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                JsonNode body = answer.tree();
                assertThat(body.get("fallback").get("used").getBooleanValue()).as(id + ": " + answer.body()).isFalse();
                assertThat(body.get("model").get("version").getStringValue()).isEqualTo(champion.version());
            }

            JsonNode recent = tandem.get("/v1/jobs?limit=5").tree().get("jobs");
            assertThat(recent.size()).isEqualTo(1);
            assertThat(recent.get(0).get("jobId").getStringValue()).isEqualTo(jobId);
            assertThat(recent.get(0).get("status").getStringValue()).isEqualTo("succeeded");
        }
    }

    private static ModelRef champion(TandemHttp tandem) {
        JsonNode versions = tandem.get("/v1/models/" + SyntheticLake.MODEL + "/versions").tree().get("versions");
        for (int i = 0; i < versions.size(); i++) {
            if ("champion".equals(versions.get(i).get("stage").getStringValue())) {
                return new ModelRef(SyntheticLake.MODEL, versions.get(i).get("version").getStringValue());
            }
        }
        throw new AssertionError("no champion in " + versions);
    }

    static JsonNode awaitFinished(TandemHttp tandem, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            TandemHttp.Response response = tandem.get("/v1/jobs/" + jobId);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            job = response.tree();
            String status = job.get("status").getStringValue();
            if (status.equals("succeeded") || status.equals("failed")) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + jobId + " did not finish within " + JOB_TIMEOUT + "; last seen " + job);
    }

    static String json(List<Event> events) {
        return events.stream().map(event -> new String(EventWireFormat.encode(event), StandardCharsets.UTF_8))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
