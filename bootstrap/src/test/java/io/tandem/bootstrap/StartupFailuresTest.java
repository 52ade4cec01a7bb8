package io.tandem.bootstrap;

import io.tandem.adapters.in.cli.LaunchFailedException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start that fails inside Micronaut (a configuration record's own rule, an adapter that cannot open its files)
 * becomes one line, however deep the bean-instantiation exceptions wrap the cause.
 */
class StartupFailuresTest {

    @Test
    void aConfigurationRecordsRuleBecomesOneLineNamingThePropertyAndItsVariable() {
        Map<String, Object> properties = new HashMap<>(TandemHttp.isolated());
        properties.put("tandem.serving.budget", "1ms");

        assertThatThrownBy(() -> MicronautTandemLauncher.start(properties, Profile.EMBEDDED, false).close())
                .isInstanceOf(LaunchFailedException.class)
                .hasMessage("tandem.serving.budget (TANDEM_SERVING_BUDGET) is 1 ms, less than the dependency timeouts"
                        + " together (online store, catalog, scorer)")
                .satisfies(e -> assertThat(((LaunchFailedException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void anyOtherFailureBecomesItsInnermostCauseOnOneLine() throws Exception {
        // The embedded database cannot be created under a file: the pool and the migrations fail inside the start.
        Path notAFolder = Files.createTempFile("tandem-db", ".file");
        Map<String, Object> properties = new HashMap<>(TandemHttp.isolated());
        properties.put("datasources.default.url", "jdbc:h2:file:" + notAFolder.resolve("db/tandem")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");

        assertThatThrownBy(() -> MicronautTandemLauncher.start(properties, Profile.EMBEDDED, false).close())
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageStartingWith("Tandem did not start: ")
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n", "BeanInstantiationException", "Path Taken");
                    assertThat(((LaunchFailedException) e).exitCode()).isEqualTo(1);
                });
    }
}
