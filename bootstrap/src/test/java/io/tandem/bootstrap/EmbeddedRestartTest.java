package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.tandem.adapters.out.rules.RuleBasedFallbackAdapter;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Embedded mode keeps its promises across a restart: durable events, de-duplication, lake exactly once. */
class EmbeddedRestartTest {

    private static final String FIRST = "["
            + "{\"id\":\"r-1\",\"type\":\"purchase\",\"userId\":\"a\",\"itemId\":\"x\",\"value\":3,\"time\":\"2026-11-20T10:00:00Z\"},"
            + "{\"id\":\"r-2\",\"type\":\"like\",\"userId\":\"b\",\"itemId\":\"y\",\"time\":\"2026-11-20T11:00:00Z\"},"
            + "{\"id\":\"r-3\",\"type\":\"click\",\"userId\":\"b\",\"itemId\":\"x\",\"time\":\"2026-11-21T09:00:00Z\"}]";

    @Test
    void aRestartedInstanceRemembersEventsAndRefusesTheirRepeats() throws Exception {
        Map<String, Object> state = TandemHttp.isolated();
        try (TandemHttp before = TandemHttp.start(state)) {
            // Only catalog items are served (ADR-0019): x and y are known to the catalog, not only to events.
            assertThat(before.putJson("/v1/items/x", "{}").status()).isEqualTo(200);
            assertThat(before.putJson("/v1/items/y", "{}").status()).isEqualTo(200);
            assertThat(before.postJson("/v1/events", FIRST).tree().get("accepted").getIntValue()).isEqualTo(3);
        }

        try (TandemHttp after = TandemHttp.start(state)) {
            JsonNode retry = after.postJson("/v1/events", FIRST).tree();
            assertThat(retry.get("accepted").getIntValue()).isZero();
            assertThat(retry.get("duplicates").getIntValue()).isEqualTo(3);
            // User a bought x before the restart: the seen filter still knows it.
            List<String> items = new ArrayList<>();
            // No model: the fallback answers from its snapshot, rebuilt now instead of at its next tick.
            assertThat(after.context().getBean(RuleBasedFallbackAdapter.class).refresh()).isTrue();
            after.get("/v1/users/a/recommendations").tree().get("items").values()
                    .forEach(item -> items.add(item.get("itemId").getStringValue()));
            assertThat(items).containsExactly("y");

            after.postJson("/v1/events",
                    "{\"id\":\"r-4\",\"type\":\"click\",\"userId\":\"c\",\"itemId\":\"z\",\"time\":\"2026-11-21T10:00:00Z\"}");
            after.context().getBean(LocalLogArchiver.class).drain();
            List<String> archived = new ArrayList<>();
            after.context().getBean(ReadLakePort.class).readEvents(LocalDate.parse("2026-11-01"),
                    LocalDate.parse("2026-11-30"), event -> archived.add(event.id().value()));
            assertThat(archived).containsExactlyInAnyOrder("r-1", "r-2", "r-3", "r-4");
        }
    }
}
