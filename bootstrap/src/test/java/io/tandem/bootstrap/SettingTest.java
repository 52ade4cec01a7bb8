package io.tandem.bootstrap;

import io.tandem.adapters.in.cli.LaunchFailedException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Property names, their environment variables, and the profile a command runs on. */
class SettingTest {

    @Test
    void theVariableIsThePropertyInUpperCaseWithUnderscoresExceptTheShortNames() {
        assertThat(Setting.of("tandem.lake.s3.access-key").variable()).isEqualTo("TANDEM_LAKE_S3_ACCESS_KEY");
        assertThat(Setting.of("micronaut.server.port").variable()).isEqualTo("TANDEM_HTTP_PORT");
        assertThat(Setting.of("datasources.default.url").variable()).isEqualTo("DATASOURCES_DEFAULT_URL");
        assertThat(Setting.of("datasources.default.url", new Profile(Optional.of("production"))).variable())
                .isEqualTo("TANDEM_JDBC_URL");
        assertThat(Setting.kebab("modelPublishTimeout")).isEqualTo("model-publish-timeout");
    }

    @Test
    void aProblemReadsAsOneSentence() {
        assertThat(Setting.of("tandem.redis.uri").problem("is required")).isEqualTo("tandem.redis.uri (TANDEM_REDIS_URI) is required");
        assertThat(Setting.of("tandem.redis.uri").problem("'x' is not a Redis URI"))
                .isEqualTo("tandem.redis.uri (TANDEM_REDIS_URI): 'x' is not a Redis URI");
    }

    @Test
    void theProfileOptionWinsOverTheVariableAndAnUnknownNameIsRefused() {
        Map<String, String> environment = Map.of(Profile.VARIABLE, "production");

        assertThat(Profile.chosen(Optional.empty(), environment::get).production()).isTrue();
        assertThat(Profile.chosen(Optional.empty(), name -> null)).isEqualTo(Profile.EMBEDDED);
        assertThatThrownBy(() -> Profile.chosen(Optional.of("prod"), environment::get))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessage("--profile prod: unknown profile; known: production (or none for the embedded defaults)")
                .satisfies(e -> assertThat(((LaunchFailedException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> Profile.chosen(Optional.empty(), Map.of(Profile.VARIABLE, "staging")::get))
                .hasMessageStartingWith("TANDEM_PROFILE=staging: unknown profile");
    }

    @Test
    void everyKnownProfileHasItsConfigurationFile() {
        for (String name : Profile.KNOWN) {
            assertThat(getClass().getClassLoader().getResource("application-" + name + ".yml")).isNotNull();
        }
    }
}
