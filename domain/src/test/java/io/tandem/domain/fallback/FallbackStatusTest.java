package io.tandem.domain.fallback;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FallbackStatusTest {

    @Test
    void anEmptyAnswerSaysWhyAfterTheReasonAlreadyGiven() {
        assertThat(FallbackStatus.usedBecause(FallbackStatus.NO_MODEL).emptyBecause(FallbackStatus.CATALOG_EMPTY))
                .isEqualTo(new FallbackStatus(true, Optional.of("no model; catalog empty")));
        assertThat(FallbackStatus.notUsed().emptyBecause(FallbackStatus.NO_CANDIDATES))
                .isEqualTo(new FallbackStatus(true, Optional.of("no candidates")));
    }

    @Test
    void theCounterLabelOfAnEmptyAnswerAfterAnOutageIsStillTheDependency() {
        FallbackStatus status = FallbackStatus.unavailable(FallbackStatus.ONLINE_STORE, "timed out")
                .emptyBecause(FallbackStatus.NO_CANDIDATES);

        assertThat(status.reason()).contains("online store unavailable: timed out; no candidates");
        assertThat(status.cause()).contains(FallbackStatus.ONLINE_STORE);
    }

    @Test
    void theReasonForAnEmptyAnswerIsRequired() {
        assertThatThrownBy(() -> FallbackStatus.notUsed().emptyBecause(" "))
                .isInstanceOf(InvalidFieldException.class).hasMessage("fallback.reason: is required");
    }
}
