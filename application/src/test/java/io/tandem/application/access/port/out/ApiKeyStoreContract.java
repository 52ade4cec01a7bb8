package io.tandem.application.access.port.out;

import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.ApiKeyId;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every key store promises (ADR-0027), run by each adapter's test: keys come back exactly as saved, ids are
 * unique, listing is oldest first, and revocation keeps its first time.
 */
public abstract class ApiKeyStoreContract {

    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00.123456Z");
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "0123456789abcdef".repeat(4);

    /** The four key-store ports, as one adapter implements them. */
    public interface Store extends SaveApiKeyPort, LoadApiKeyPort, ListApiKeysPort, RevokeApiKeyPort {

        /** The store that {@code adapter} is. */
        static <A extends SaveApiKeyPort & LoadApiKeyPort & ListApiKeysPort & RevokeApiKeyPort> Store of(A adapter) {
            return new Store() {
                @Override
                public void saveApiKey(ApiKey key) {
                    adapter.saveApiKey(key);
                }

                @Override
                public Optional<ApiKey> loadApiKey(ApiKeyId id) {
                    return adapter.loadApiKey(id);
                }

                @Override
                public java.util.List<ApiKey> listApiKeys() {
                    return adapter.listApiKeys();
                }

                @Override
                public boolean revokeApiKey(ApiKeyId id, Instant at) {
                    return adapter.revokeApiKey(id, at);
                }
            };
        }
    }

    /** An empty store for one test. */
    protected abstract Store emptyStore();

    private static ApiKey key(String id, String name, Instant created, EnumSet<Scope> scopes,
                              Optional<RateLimit> limit, String hash) {
        return new ApiKey(new ApiKeyId(id), name, scopes, hash, created, Optional.empty(), limit);
    }

    @Test
    void aSavedKeyIsReadBackExactlyWithItsScopesHashAndLimit() {
        Store store = emptyStore();
        ApiKey web = key("abcdefgh23", "web ☕", T0, EnumSet.of(Scope.SERVE, Scope.INGEST),
                Optional.of(new RateLimit(50, 100)), HASH_B);
        ApiKey ops = key("opsopsops7", "ops", T0.plusSeconds(1), EnumSet.of(Scope.ADMIN), Optional.empty(), HASH_A);
        store.saveApiKey(web);
        store.saveApiKey(ops);

        assertThat(store.loadApiKey(new ApiKeyId("abcdefgh23"))).contains(web);
        assertThat(store.loadApiKey(new ApiKeyId("opsopsops7"))).contains(ops);
        assertThat(store.loadApiKey(new ApiKeyId("unknown22"))).isEmpty();
    }

    @Test
    void aSecondKeyWithTheSameIdIsRefusedAndTheFirstIsKept() {
        Store store = emptyStore();
        ApiKey first = key("samesame22", "first", T0, EnumSet.of(Scope.SERVE), Optional.empty(), HASH_A);
        store.saveApiKey(first);

        assertThatThrownBy(() -> store.saveApiKey(key("samesame22", "second", T0, EnumSet.of(Scope.ADMIN),
                Optional.empty(), HASH_B))).isInstanceOf(IllegalStateException.class);
        assertThat(store.loadApiKey(new ApiKeyId("samesame22"))).contains(first);
    }

    @Test
    void keysAreListedOldestFirstThenById() {
        Store store = emptyStore();
        ApiKey late = key("latelate22", "late", T0.plusSeconds(60), EnumSet.of(Scope.SERVE), Optional.empty(), HASH_A);
        ApiKey b = key("bbbbbbbb22", "b", T0, EnumSet.of(Scope.SERVE), Optional.empty(), HASH_A);
        ApiKey a = key("aaaaaaaa22", "a", T0, EnumSet.of(Scope.INGEST), Optional.empty(), HASH_B);
        store.saveApiKey(late);
        store.saveApiKey(b);
        store.saveApiKey(a);

        assertThat(store.listApiKeys()).containsExactly(a, b, late);
    }

    @Test
    void revokingMarksTheKeyOnceAndAnUnknownKeyIsReported() {
        Store store = emptyStore();
        ApiKey key = key("revokeme22", "old", T0, EnumSet.of(Scope.ADMIN), Optional.empty(), HASH_A);
        store.saveApiKey(key);

        assertThat(store.revokeApiKey(key.id(), T0.plusSeconds(5))).isTrue();
        assertThat(store.revokeApiKey(key.id(), T0.plusSeconds(9))).isTrue();
        assertThat(store.revokeApiKey(new ApiKeyId("nosuchkey2"), T0)).isFalse();

        assertThat(store.loadApiKey(key.id())).contains(key.revokedAt(T0.plusSeconds(5)));
        assertThat(store.listApiKeys()).containsExactly(key.revokedAt(T0.plusSeconds(5)));
        assertThat(store.loadApiKey(new ApiKeyId("nosuchkey2"))).isEmpty();
    }
}
