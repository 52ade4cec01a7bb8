package io.tandem.domain.fallback;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;
import java.util.Optional;

/** Whether an answer came from the fallback instead of the model, and why (naming the failed dependency). */
public record FallbackStatus(boolean used, Optional<String> reason) {

    public static final String NO_MODEL = "no model";

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

    public static FallbackStatus usedBecause(String reason) {
        return new FallbackStatus(true, Optional.of(InvalidFieldException.requireText("fallback.reason", reason)));
    }
}
