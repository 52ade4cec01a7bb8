package io.tandem.adapters.in.synthetic;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticNewsTest {

    private static final Instant END = Instant.parse("2026-03-15T00:00:00Z");

    @Test
    void theSameConfigGivesTheSameNews() {
        SyntheticConfig config = SyntheticConfig.news(3L, END);

        assertThat(SyntheticDatasetGenerator.news(config)).isEqualTo(SyntheticDatasetGenerator.news(config));
    }

    @Test
    void storiesArePublishedThroughTheWindowAndClickedSoonAfterNeverBefore() {
        SyntheticConfig config = SyntheticConfig.news(3L, END);
        SyntheticDataset news = SyntheticDatasetGenerator.news(config);
        Map<ItemId, Item> items = news.items().stream().collect(Collectors.toMap(Item::id, Function.identity()));

        assertThat(news.items()).hasSize(config.items());
        long publishedInWindow = news.items().stream().filter(i -> !i.createdAt().isBefore(config.start())).count();
        assertThat(publishedInWindow).isGreaterThan(config.items() * 8L / 10);
        long[] ageHours = news.events().stream().filter(e -> e.type() == EventType.CLICK)
                .mapToLong(e -> Duration.between(items.get(e.item()).createdAt(), e.time()).toHours())
                .sorted().toArray();
        assertThat(ageHours.length).as("clicks").isGreaterThan(1_000);
        assertThat(ageHours[0]).isNotNegative();
        // Appeal fades within hours to two days: most clicks come within a day of publication, nearly all within
        // four days, while the window is fourteen days long.
        assertThat(ageHours[ageHours.length / 2]).isLessThan(24);
        assertThat(ageHours[ageHours.length * 95 / 100]).isLessThan(96);
        for (Event event : news.events()) {
            assertThat(event.time()).isBetween(config.start(), END.plus(Duration.ofHours(1)));
        }
    }
}
