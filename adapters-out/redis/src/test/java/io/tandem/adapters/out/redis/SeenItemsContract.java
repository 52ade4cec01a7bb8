package io.tandem.adapters.out.redis;

import io.tandem.application.feature.port.out.ApplyFeatureUpdatesPort;
import io.tandem.application.feature.port.out.LoadRecentItemsPort;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.FeatureUpdate;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.tandem.adapters.out.redis.FeatureUpdateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every online store promises about the seen filter's memory (ADR-0012, ADR-0017): the user state holds
 * every item a user acted on, however long the history and whatever the recent-items cap, each event applied
 * once; the recent list keeps its cap for the features. Each subclass supplies a fresh, empty store with a
 * recent-items cap of {@link #CAP}. (The memory store's subclass lives here, beside Redis's, since this module
 * already tests against it.)
 */
abstract class SeenItemsContract {

    static final int CAP = 5;

    private final FeatureUpdateFixture updates = new FeatureUpdateFixture();

    /** A fresh, empty store whose recent-items (and positives) cap is {@link #CAP}. */
    abstract Store store();

    /** One store under test, seen through the three ports this contract is about. */
    record Store(ApplyFeatureUpdatesPort writes, LoadUserStatePort states, LoadRecentItemsPort recent) {

        static <S extends ApplyFeatureUpdatesPort & LoadUserStatePort & LoadRecentItemsPort> Store of(S store) {
            return new Store(store, store, store);
        }

        void apply(List<FeatureUpdate> updates) {
            writes.apply(updates);
        }

        UserState userState(UserId user, int limit) {
            return states.userState(user, limit);
        }

        List<ItemId> recentItems(UserId user, int limit) {
            return recent.recentItems(user, limit);
        }
    }

    @Test
    void theSeenItemsAreTheWholeHistoryFarBeyondTheCap() {
        Store store = store();
        Set<ItemId> acted = new HashSet<>();
        List<FeatureUpdate> history = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String item = "item-" + i;
            acted.add(ItemId.of(item));
            history.add(i % 3 == 0 ? updates.update(EventType.RATING, "heavy", item, T0.plusSeconds(i), 4)
                    : updates.click("heavy", item, T0.plusSeconds(i), 1));
        }
        // In several batches, as the log delivers them.
        for (int from = 0; from < history.size(); from += 450) {
            store.apply(history.subList(from, Math.min(history.size(), from + 450)));
        }

        var state = store.userState(UserId.of("heavy"), 500);

        assertThat(state.seen()).hasSize(1200).isEqualTo(acted);
        assertThat(state.positives()).hasSize(CAP);
        assertThat(store.recentItems(UserId.of("heavy"), 500)).extracting(ItemId::value)
                .containsExactly("item-1199", "item-1198", "item-1197", "item-1196", "item-1195");
    }

    @Test
    void everyActionButAnImpressionMarksAnItemSeenAndEachEventCountsOnce() {
        Store store = store();
        List<FeatureUpdate> batch = List.of(
                updates.update(EventType.IMPRESSION, "u1", "shown", T0, 0),
                updates.update(EventType.HIDE, "u1", "hidden", T0.plusSeconds(1), 0),
                updates.update(EventType.SKIP, "u1", "skipped", T0.plusSeconds(2), 0),
                updates.update(EventType.DISLIKE, "u1", "disliked", T0.plusSeconds(3), 0),
                updates.click("u1", "clicked", T0.plusSeconds(4), 1),
                updates.update(EventType.IMPRESSION, "u2", "other", T0.plusSeconds(5), 0),
                updates.click("u3", "theirs", T0.plusSeconds(6), 1));
        store.apply(batch);
        store.apply(batch);

        assertThat(store.userState(UserId.of("u1"), 10).seen()).extracting(ItemId::value)
                .containsExactlyInAnyOrder("hidden", "skipped", "disliked", "clicked");
        // A limit bounds the positives read, never the seen items.
        assertThat(store.userState(UserId.of("u1"), 1).seen()).hasSize(4);
        assertThat(store.userState(UserId.of("u1"), 0).seen()).hasSize(4);
        assertThat(store.userState(UserId.of("u1"), 0).positives()).isEmpty();
        assertThat(store.userState(UserId.of("u2"), 10).seen()).isEmpty();
        assertThat(store.userState(UserId.of("nobody"), 10).seen()).isEmpty();
    }

    @Test
    void anItemActedOnAgainIsSeenOnce() {
        Store store = store();
        for (int round = 0; round < 3; round++) {
            List<FeatureUpdate> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(updates.click("u1", "item-" + i, T0.plusSeconds(round * 100L + i), 1));
            }
            store.apply(batch);
        }

        assertThat(store.userState(UserId.of("u1"), 10).seen()).hasSize(20);
    }
}
