package io.tandem.domain.fallback;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;
import java.util.Optional;

/** Whether an answer came from the fallback instead of the model, and why (naming the failed dependency). */
public record FallbackStatus(boolean used, Optional<String> reason) {

    public static final String NO_MODEL = "no model";
    /** Dependencies a reason names (the Prometheus label of the fallback counter). */
    public static final String ONLINE_STORE = "online store";
    public static final String CATALOG = "catalog";
    public static final String RETRIEVERS = "retrievers";
    public static final String SCORER = "scorer";
    /** Not a dependency: the instance's own workers, when a request waited too long for one (ADR-0039). */
    public static final String SERVING_CAPACITY = "serving capacity";
    /** Why an answer has no items: nothing in the catalog to recommend, or everything filtered out. */
    public static final String CATALOG_EMPTY = "catalog empty";
    public static final String NO_CANDIDATES = "no candidates";

    public FallbackStatus {
        Objects.requireNonNull(reason, "reason");
        if (used && reason.isEmpty()) {
            throw new InvalidFieldException("fallback.reason", "is required when the fallback was used");
        }
        if (!used && reason.isPresent()) {
            throw new InvalidFieldException("fallback.reason", "must be empty when the fallback was not used");
        }
    }

    public static FallbackStatus notUsed() {
        return new FallbackStatus(false, Optional.empty());
    }

    /** The fallback answered because {@code dependency} failed: "online store unavailable: timed out". */
    public static FallbackStatus unavailable(String dependency, String detail) {
        return usedBecause(dependency + " unavailable: " + detail);
    }

    /** The dependency or condition the reason names, without detail: a bounded label for counters. */
    public Optional<String> cause() {
        return reason.map(r -> {
            int end = r.indexOf(" unavailable");
            return end > 0 ? r.substring(0, end) : r;
        });
    }

    /**
     * This status for an answer without items: the fallback was asked and found nothing, and the reason says why
     * after any reason already given ({@code "no model; catalog empty"}), so an empty answer is never silent.
     */
    public FallbackStatus emptyBecause(String why) {
        InvalidFieldException.requireText("fallback.reason", why);
        return usedBecause(reason.map(given -> given + "; " + why).orElse(why));
    }

    public static FallbackStatus usedBecause(String reason) {
        return new FallbackStatus(true, Optional.of(InvalidFieldException.requireText("fallback.reason", reason)));
    }
}
