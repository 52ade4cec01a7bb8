package io.tandem.application.feature;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesCommand;
import io.tandem.application.feature.port.in.UpdateOnlineFeaturesUseCase;
import io.tandem.application.feature.port.out.ApplyFeatureUpdatesPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.interaction.Event;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns logged events into feature updates through the shared {@link FeaturePolicy} and stores them. Item
 * categories come from the catalog in one batched read per call.
 */
public final class UpdateOnlineFeaturesService implements UpdateOnlineFeaturesUseCase {

    private final FeaturePolicy policy;
    private final LoadItemsPort loadItems;
    private final ApplyFeatureUpdatesPort applyFeatureUpdates;

    public UpdateOnlineFeaturesService(FeaturePolicy policy, LoadItemsPort loadItems,
                                       ApplyFeatureUpdatesPort applyFeatureUpdates) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.loadItems = Objects.requireNonNull(loadItems, "loadItems");
        this.applyFeatureUpdates = Objects.requireNonNull(applyFeatureUpdates, "applyFeatureUpdates");
    }

    @Override
    public void update(UpdateOnlineFeaturesCommand command) {
        List<Event> events = command.events();
        if (events.isEmpty()) {
            return;
        }
        Map<ItemId, Item> items = loadItems.loadItems(events.stream().map(Event::item).distinct().toList());
        List<FeatureUpdate> updates = events.stream()
                .map(event -> policy.updateFor(event, categoriesOf(items.get(event.item()))))
                .toList();
        applyFeatureUpdates.apply(updates);
    }

    private static Set<String> categoriesOf(Item item) {
        return item == null ? Set.of() : item.categories();
    }
}
