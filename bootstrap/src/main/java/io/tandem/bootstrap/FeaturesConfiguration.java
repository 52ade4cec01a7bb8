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
            labelWeights.forEach((name, weight) -> overrides.put(EventType.fromWireName(name).orElseThrow(() ->
                    new InvalidFieldException("tandem.features.label-weights." + name,
                            "unknown event type; expected one of " + EventType.WIRE_NAMES)), weight));
        }
        return new FeaturePolicy(LabelWeights.defaults().with(overrides), popularityHalfLife, recentItemsCap);
    }
}
