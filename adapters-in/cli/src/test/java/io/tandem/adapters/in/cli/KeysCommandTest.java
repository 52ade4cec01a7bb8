package io.tandem.adapters.in.cli;

import io.tandem.application.access.AuthenticateService;
import io.tandem.application.access.CreateApiKeyService;
import io.tandem.application.access.ListApiKeysService;
import io.tandem.application.access.RevokeApiKeyService;
import io.tandem.application.access.StoredApiKeys;
import io.tandem.application.access.port.in.AuthenticateUseCase;
import io.tandem.application.access.port.in.CreateApiKeyUseCase;
import io.tandem.application.access.port.in.ListApiKeysUseCase;
import io.tandem.application.access.port.in.RevokeApiKeyUseCase;
import io.tandem.application.access.port.out.ListApiKeysPort;
import io.tandem.application.access.port.out.LoadApiKeyPort;
import io.tandem.application.access.port.out.RevokeApiKeyPort;
import io.tandem.application.access.port.out.SaveApiKeyPort;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeysCommandTest {

    /** A map store behind the real service, as a session would give it. */
    private static final class Keys implements SaveApiKeyPort, LoadApiKeyPort, ListApiKeysPort, RevokeApiKeyPort {
        final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();

        @Override
        public void saveApiKey(ApiKey key) {
            keys.put(key.id(), key);
        }

        @Override
        public Optional<ApiKey> loadApiKey(ApiKeyId id) {
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public List<ApiKey> listApiKeys() {
            return new ArrayList<>(keys.values());
        }

        @Override
        public boolean revokeApiKey(ApiKeyId id, Instant at) {
            return keys.computeIfPresent(id, (ignored, key) -> key.revokedAt(at)) != null;
        }
    }

    private final Keys store = new Keys();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:30:00Z"), java.time.ZoneOffset.UTC);
    private final StoredApiKeys keys = new StoredApiKeys(store, clock, Duration.ZERO);
    private final AuthenticateService service = new AuthenticateService(keys);
    /** The key use cases a session gives the command, by type. */
    private final Map<Class<?>, Object> useCases = Map.of(
            CreateApiKeyUseCase.class, new CreateApiKeyService(store, keys, clock, new SecureRandom()),
            ListApiKeysUseCase.class, new ListApiKeysService(store),
            RevokeApiKeyUseCase.class, new RevokeApiKeyService(store, keys, clock),
            AuthenticateUseCase.class, service);
    private final CommandLineRun.SessionLauncher launcher = new CommandLineRun.SessionLauncher(useCases::get);

    @Test
    void createPrintsTheKeyOnceOnStandardOutputAndStoresItsScopesAndLimit() {
        CommandLineRun run = run("keys", "create", "--scope", "serve,ingest", "--name", "web", "--rate", "50");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).matches("tdm_[a-z2-7]{10}_[A-Za-z0-9_-]{43}");
        ApiKey key = store.keys.values().iterator().next();
        assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.SERVE, Scope.INGEST);
        assertThat(key.rateLimit()).contains(new RateLimit(50, 100));
        assertThat(run.err()).contains("only time", key.id().value()).doesNotContain(run.out().strip());
        assertThat(service.authenticate(run.out().strip())).isPresent();
        assertThat(launcher.sessions()).isEqualTo(1);
    }

    @Test
    void listShowsKeysWithoutSecretsAndRevokeRevokes() {
        String token = run("keys", "create", "--scope", "admin", "--name", "ops").out().strip();
        String id = token.substring(4, token.indexOf('_', 4));

        CommandLineRun listed = run("keys", "list");
        assertThat(listed.out()).contains(id, "admin", "ops", "default", "2026-12-07T02:30:00Z")
                .doesNotContain(token.substring(token.indexOf('_', 4) + 1));

        CommandLineRun revoked = run("keys", "revoke", id);
        assertThat(revoked.exitCode()).isZero();
        assertThat(service.authenticate(token)).isEmpty();
        assertThat(listed.out()).containsPattern(id + " +admin +2026-12-07T02:30:00Z +- ");
        assertThat(run("keys", "list").out()).containsPattern(id + " +admin +2026-12-07T02:30:00Z +2026-12-07T02:30:00Z ");

        CommandLineRun unknown = run("keys", "revoke", "nosuchkey2");
        assertThat(unknown.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(unknown.err()).contains("no key with id nosuchkey2");
    }

    @Test
    void badInputIsAUsageErrorNamingTheOptionAndOpensNoSession() {
        CommandLineRun scope = run("keys", "create", "--scope", "Serve", "--name", "web");
        assertThat(scope.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(scope.err()).contains("--scope: unknown scope");

        CommandLineRun name = run("keys", "create", "--scope", "serve", "--name", " web");
        assertThat(name.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(name.err()).contains("name: must not start or end with whitespace");

        CommandLineRun id = run("keys", "revoke", "BAD");
        assertThat(id.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(launcher.sessions()).isZero();
    }

    private CommandLineRun run(String... args) {
        return CommandLineRun.run(launcher, args);
    }
}
