package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.interaction.LabelWeights;
import io.tandem.domain.InvalidFieldException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code tandem.features.*}: how events become online features. Turned into the core's plain
 * {@link FeaturePolicy} by {@link #policy()}.
 *
 * @param labelWeights event type wire name to weight, overriding {@link LabelWeights#defaults()}
 */
@ConfigurationProperties("tandem.features")
record FeaturesConfiguration(@Bindable(defaultValue = "7d") Duration popularityHalfLife,
                             @Bindable(defaultValue = "500") int recentItemsCap,
                             Map<String, Double> labelWeights) {

    FeaturePolicy policy() {
        Map<EventType, Double> overrides = new EnumMap<>(EventType.class);
        if (labelWeights != null) {
            // Configuration keys arrive in whatever form properties or environment variables give them
            // (ADD_TO_CART, add.to.cart); unlike client input (ADR-0019), they are brought to the wire name first.
            labelWeights.forEach((name, weight) -> overrides.put(EventType.fromWireName(name.strip()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace('.', '-')).orElseThrow(() ->
                    new InvalidFieldException("tandem.features.label-weights." + name,
                            "unknown event type; expected one of " + EventType.WIRE_NAMES)), weight));
        }
        return new FeaturePolicy(LabelWeights.defaults().with(overrides), popularityHalfLife, recentItemsCap);
    }
}
