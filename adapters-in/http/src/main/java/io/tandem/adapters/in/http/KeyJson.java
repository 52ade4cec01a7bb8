package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.application.access.port.in.CreatedApiKey;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.Scope;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the keys API: never a hash, and the key's text only in the answer that created it. */
final class KeyJson {

    private KeyJson() {
    }

    /** A key's own rate limit; null in {@link Key} when the configured default applies. */
    @Serdeable
    record Limit(int perSecond, int burst) {
    }

    /** A key as listed: id, name, scopes, times (ISO-8601; revokedAt null while valid), its own limit or null. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Key(String id, String name, List<String> scopes, String createdAt, String revokedAt, Limit rateLimit) {

        static Key from(ApiKey key) {
            return new Key(key.id().value(), key.name(), key.scopes().stream().map(Scope::label).toList(),
                    key.createdAt().toString(), key.revokedAt().map(Instant::toString).orElse(null),
                    key.rateLimit().map(limit -> new Limit(limit.perSecond(), limit.burst())).orElse(null));
        }
    }

    /** {@code GET /v1/keys}. */
    @Serdeable
    record Listing(List<Key> keys) {
    }

    /** {@code POST /v1/keys}: the key as listed, plus its full text in {@code key}, shown this once. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Created(String id, String name, List<String> scopes, String createdAt, Limit rateLimit, String key) {

        static Created from(CreatedApiKey created) {
            Key listed = Key.from(created.key());
            return new Created(listed.id(), listed.name(), listed.scopes(), listed.createdAt(), listed.rateLimit(),
                    created.token());
        }
    }
}
