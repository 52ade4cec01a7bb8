package io.tandem.domain.experiment.readout;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.attribution.Guardrails;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardrailLimitsTest {

    private final GuardrailLimits limits = new GuardrailLimits(1.2, 0.01);
    private final Guardrails champion = new Guardrails(10_000, 100, 10.0);

    @Test
    void aSlowerP99BeyondTheRatioIsABreach() {
        assertThat(limits.breaches(champion, new Guardrails(10_000, 100, 11.9), 0.95)).isEmpty();
        assertThat(limits.breaches(champion, new Guardrails(10_000, 100, 12.5), 0.95)).singleElement().asString()
                .startsWith("p99 latency 12.5 ms");
    }

    /** 1 % against 1.5 % of 10,000 is within the 1-point margin; 3 % (Wilson low end 2.7 %) is not. */
    @Test
    void moreFallbacksThanTheMarginAllowIsABreachOnlyWhenNoiseCannotExplainIt() {
        assertThat(limits.breaches(champion, new Guardrails(10_000, 150, 10.0), 0.95)).isEmpty();
        assertThat(limits.breaches(champion, new Guardrails(10_000, 300, 10.0), 0.95)).singleElement().asString()
                .startsWith("fallback share 0.0300");
        assertThat(limits.breaches(champion, new Guardrails(20, 1, 10.0), 0.95)).isEmpty();
    }

    @Test
    void limitsThatWouldAllowNothingOrAnythingAreRefused() {
        assertThatThrownBy(() -> new GuardrailLimits(0.9, 0.01)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new GuardrailLimits(1.2, 1)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> new Guardrails(5, 6, 1)).isInstanceOf(InvalidFieldException.class);
    }
}
