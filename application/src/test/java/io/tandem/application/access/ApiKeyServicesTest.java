package io.tandem.application.access;

import io.tandem.application.access.port.in.CreateApiKeyCommand;
import io.tandem.application.access.port.in.CreatedApiKey;
import io.tandem.application.access.port.in.RevokeApiKeyCommand;
import io.tandem.application.access.port.out.ListApiKeysPort;
import io.tandem.application.access.port.out.LoadApiKeyPort;
import io.tandem.application.access.port.out.RevokeApiKeyPort;
import io.tandem.application.access.port.out.SaveApiKeyPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.Principal;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API key use cases over one store and one key cache, wired as bootstrap wires them. */
class ApiKeyServicesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    /** A map store that counts its reads. */
    private static final class Keys implements SaveApiKeyPort, LoadApiKeyPort, ListApiKeysPort, RevokeApiKeyPort {
        final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
        final AtomicInteger loads = new AtomicInteger();

        @Override
        public void saveApiKey(ApiKey key) {
            keys.put(key.id(), key);
        }

        @Override
        public Optional<ApiKey> loadApiKey(ApiKeyId id) {
            loads.incrementAndGet();
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

    private final Keys keys = new Keys();

    private ApiKeys service(Duration cacheFor) {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        StoredApiKeys stored = new StoredApiKeys(keys, clock, cacheFor);
        return new ApiKeys(new CreateApiKeyService(keys, stored, clock, new SecureRandom()),
                new ListApiKeysService(keys), new RevokeApiKeyService(keys, stored, clock),
                new AuthenticateService(stored));
    }

    /** The four use cases, sharing one cache. */
    private record ApiKeys(CreateApiKeyService creating, ListApiKeysService listing, RevokeApiKeyService revoking,
                           AuthenticateService authenticating) {

        CreatedApiKey create(CreateApiKeyCommand command) {
            return creating.create(command);
        }

        List<ApiKey> list() {
            return listing.list();
        }

        boolean revoke(RevokeApiKeyCommand command) {
            return revoking.revoke(command);
        }

        Optional<Principal> authenticate(String presentedKey) {
            return authenticating.authenticate(presentedKey);
        }
    }

    private static CreateApiKeyCommand serve(String name) {
        return new CreateApiKeyCommand(name, EnumSet.of(Scope.SERVE), Optional.empty());
    }

    @Test
    void aCreatedKeyAuthenticatesWithItsScopesAndOnlyItsHashIsStored() {
        ApiKeys service = service(Duration.ZERO);
        CreatedApiKey created = service.create(new CreateApiKeyCommand("web", EnumSet.of(Scope.SERVE, Scope.INGEST),
                Optional.of(new RateLimit(5, 10))));

        assertThat(created.token()).matches("tdm_[a-z2-7]{10}_[A-Za-z0-9_-]{43}");
        assertThat(created.toString()).doesNotContain(created.token());
        ApiKey stored = keys.keys.get(created.key().id());
        assertThat(stored.toString()).doesNotContain(created.token().substring(15));
        assertThat(stored.secretHash()).hasSize(64).isNotEqualTo(created.token());
        assertThat(stored.createdAt()).isEqualTo(T0);

        Principal principal = service.authenticate(created.token()).orElseThrow();
        assertThat(principal.keyId()).isEqualTo(created.key().id());
        assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.SERVE, Scope.INGEST);
        assertThat(principal.rateLimit()).contains(new RateLimit(5, 10));
        assertThat(principal.allows(Scope.ADMIN)).isFalse();
    }

    @Test
    void aWrongSecretAMalformedKeyAndAnUnknownIdAuthenticateNothing() {
        ApiKeys service = service(Duration.ZERO);
        String token = service.create(serve("web")).token();
        String id = token.substring(4, 14);
        char last = token.charAt(token.length() - 1);
        String otherSecret = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(service.authenticate(otherSecret)).isEmpty();
        assertThat(service.authenticate("tdm_zzzzzzzzzz_" + token.substring(15))).isEmpty();
        assertThat(service.authenticate(" " + token)).isEmpty();
        assertThat(service.authenticate(token + " ")).isEmpty();
        assertThat(service.authenticate("tdm_" + id)).isEmpty();
        assertThat(service.authenticate("")).isEmpty();
        assertThat(service.authenticate(null)).isEmpty();
        assertThat(service.authenticate(token)).isPresent();
    }

    @Test
    void aRevokedKeyStopsAuthenticatingAtOnceEvenWhenCached() {
        ApiKeys service = service(Duration.ofMinutes(5));
        CreatedApiKey created = service.create(serve("web"));
        assertThat(service.authenticate(created.token())).isPresent();

        assertThat(service.revoke(new RevokeApiKeyCommand(created.key().id().value()))).isTrue();

        assertThat(service.authenticate(created.token())).isEmpty();
        assertThat(service.list()).singleElement().satisfies(key -> assertThat(key.revokedAt()).contains(T0));
        assertThat(service.revoke(new RevokeApiKeyCommand("nosuchkey2"))).isFalse();
    }

    @Test
    void authenticationReadsTheStoreOncePerCacheLifetime() {
        ApiKeys service = service(Duration.ofMinutes(5));
        String token = service.create(serve("web")).token();
        int before = keys.loads.get();

        for (int i = 0; i < 100; i++) {
            assertThat(service.authenticate(token)).isPresent();
        }

        assertThat(keys.loads.get() - before).isEqualTo(1);
    }

    @Test
    void commandsRefuseBadInputNamingTheField() {
        assertThatThrownBy(() -> serve(" web")).isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("name");
        assertThatThrownBy(() -> new CreateApiKeyCommand("web", EnumSet.noneOf(Scope.class), Optional.empty()))
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("scopes");
        assertThatThrownBy(() -> new RevokeApiKeyCommand("NOSUCHKEY2")).isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("id");
        assertThatThrownBy(() -> Scope.parse("scope", "Admin")).isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("scope");
    }
}
