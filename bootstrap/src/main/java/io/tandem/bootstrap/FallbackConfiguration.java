package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.fallback.FallbackRules;
import io.tandem.domain.fallback.FallbackTier;

import java.time.Duration;
import java.util.List;

/**
 * {@code tandem.fallback.*}: the rule-based fallback's tiers in order, the pinned item ids, how many of the user's
 * top categories the category tier reads, how deep each snapshot list is, and how often the snapshot is rebuilt.
 */
@ConfigurationProperties("tandem.fallback")
record FallbackConfiguration(
        @Bindable(defaultValue = "pinned,popular-in-user-categories,trending,newest") List<String> tiers,
        @Bindable(defaultValue = "") List<String> pinned,
        @Bindable(defaultValue = "3") int topCategories,
        @Bindable(defaultValue = "200") int depth,
        @Bindable(defaultValue = "10s") Duration refreshInterval) {

    FallbackRules rules() {
        return new FallbackRules(tiers.stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(FallbackTier::ofLabel).toList(),
                pinned.stream().map(String::strip).filter(p -> !p.isEmpty()).map(ItemId::new).toList(),
                topCategories);
    }
}
