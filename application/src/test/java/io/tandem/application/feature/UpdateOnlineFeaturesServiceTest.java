package io.tandem.application.feature;

import io.tandem.application.feature.port.in.UpdateOnlineFeaturesCommand;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.feature.FeaturePolicy;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tandem.application.ingestion.EventFixture.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateOnlineFeaturesServiceTest {

    private static final Instant AT = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void updatesCarryTheCatalogCategoriesReadInOneBatch() {
        AtomicInteger catalogReads = new AtomicInteger();
        List<FeatureUpdate> stored = new ArrayList<>();
        Item known = Item.of(new ItemId("i1"), Set.of("comedy"), AT);
        UpdateOnlineFeaturesService service = new UpdateOnlineFeaturesService(FeaturePolicy.defaults(), ids -> {
            catalogReads.incrementAndGet();
            return Map.of(known.id(), known);
        }, stored::addAll);

        service.update(new UpdateOnlineFeaturesCommand(List.of(click("e1", "i1"), click("e2", "i2"),
                click("e3", "i1"))));

        assertThat(catalogReads).hasValue(1);
        assertThat(stored).extracting(FeatureUpdate::categories)
                .containsExactly(Set.of("comedy"), Set.of(), Set.of("comedy"));
    }

    private static Event click(String id, String item) {
        return anEvent(id).type(EventType.CLICK).user("u1").item(item).at(AT).build();
    }
}
