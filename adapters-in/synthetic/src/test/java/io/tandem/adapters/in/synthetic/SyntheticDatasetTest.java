package io.tandem.adapters.in.synthetic;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticDatasetTest {

    private static final SyntheticConfig CONFIG = new SyntheticConfig(7L, 400, 200, 8, 10, 10,
            Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(20));
    private static final SyntheticDataset DATA = SyntheticDatasetGenerator.generate(CONFIG);

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDifferentData() {
        SyntheticDataset again = SyntheticDatasetGenerator.generate(CONFIG);
        SyntheticDataset other = SyntheticDatasetGenerator.generate(new SyntheticConfig(8L, 400, 200, 8, 10, 10,
                CONFIG.start(), CONFIG.span()));

        assertThat(again.events()).isEqualTo(DATA.events());
        assertThat(again.items()).isEqualTo(DATA.items());
        assertThat(other.events()).isNotEqualTo(DATA.events());
    }

    @Test
    void eventsAreInTimeOrderWithinTheWindowWithUniqueIds() {
        assertThat(DATA.events()).isSortedAccordingTo(java.util.Comparator.comparing(Event::time));
        assertThat(DATA.events()).allSatisfy(e -> assertThat(e.time())
                .isBetween(CONFIG.start(), CONFIG.start().plus(CONFIG.span()).plus(Duration.ofHours(2))));
        assertThat(DATA.events().stream().map(Event::id).distinct().count()).isEqualTo(DATA.events().size());
    }

    @Test
    void topPositionsAreClickedMoreOftenThanLowerOnes() {
        assertThat(clickThroughRate(1)).isGreaterThan(1.5 * clickThroughRate(8));
    }

    @Test
    void usersClickTheirFavouriteCategoriesMoreThanOthers() {
        Map<ItemId, Item> items = DATA.items().stream().collect(Collectors.toMap(Item::id, Function.identity()));
        long favouriteClicks = 0;
        long clicks = 0;
        for (Event event : DATA.events()) {
            if (event.type() != EventType.CLICK) {
                continue;
            }
            clicks++;
            Map<String, Double> taste = DATA.tastes().get(event.user());
            String favourite = taste.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (items.get(event.item()).inCategory(favourite)) {
                favouriteClicks++;
            }
        }
        // One category in eight: without tastes about 1/8 (plus second categories) of clicks would hit it.
        assertThat((double) favouriteClicks / clicks).isGreaterThan(0.3);
    }

    @Test
    void everyUserHasATasteThatSumsToOne() {
        for (UserId user : DATA.tastes().keySet()) {
            assertThat(DATA.tastes().get(user).values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(DATA.users()).hasSize(400);
    }

    private static double clickThroughRate(int position) {
        long impressions = countAt(EventType.IMPRESSION, position);
        return (double) countAt(EventType.CLICK, position) / impressions;
    }

    private static long countAt(EventType type, int position) {
        return DATA.events().stream()
                .filter(e -> e.type() == type && e.context().position().orElse(-1) == position)
                .count();
    }
}
