package io.tandem.adapters.in.kafka;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelStageChanged;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelChangeRecordJsonTest {

    @Test
    void readsTheWireFormat() {
        ModelStageChanged change = ModelChangeRecordJson.decode(bytes(
                "{\"name\":\"two-stage\",\"version\":\"v7\",\"stage\":\"champion\",\"changedAt\":\"2026-11-22T10:15:30Z\","
                        + "\"unknown\":1}"));

        assertThat(change).isEqualTo(new ModelStageChanged("two-stage", "v7", ModelStage.CHAMPION,
                Instant.parse("2026-11-22T10:15:30Z")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"version\":\"v\",\"stage\":\"champion\",\"changedAt\":\"2026-11-22T10:15:30Z\"}|name",
            "{\"name\":\"m\",\"stage\":\"champion\",\"changedAt\":\"2026-11-22T10:15:30Z\"}|version",
            "{\"name\":\"m\",\"version\":\"v\",\"stage\":\"king\",\"changedAt\":\"2026-11-22T10:15:30Z\"}|stage",
            "{\"name\":\"m\",\"version\":\"v\",\"stage\":\"champion\",\"changedAt\":\"yesterday\"}|changedAt",
            "{\"name\":7,\"version\":\"v\",\"stage\":\"champion\",\"changedAt\":\"2026-11-22T10:15:30Z\"}|name",
            "{\"name\":\" \",\"version\":\"v\",\"stage\":\"champion\",\"changedAt\":\"2026-11-22T10:15:30Z\"}|name",
            "[1,2]|record"})
    void namesTheMemberThatIsMissingOrWrong(String json, String field) {
        assertThatThrownBy(() -> ModelChangeRecordJson.decode(bytes(json)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void refusesWhatIsNotJsonOrEmpty() {
        assertThatThrownBy(() -> ModelChangeRecordJson.decode(bytes("{not json")))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> ModelChangeRecordJson.decode(null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("record"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
