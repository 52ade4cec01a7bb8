package io.tandem.adapters.in.synthetic;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.Event;

import java.util.List;
import java.util.Map;

/**
 * A generated data set with its ground truth: each user's taste (a probability per category) is kept so
 * tests and benchmarks can check that recommendations follow it.
 */
public record SyntheticDataset(List<Item> items, List<User> users, List<Event> events,
                               Map<UserId, Map<String, Double>> tastes) {

    public SyntheticDataset {
        items = List.copyOf(items);
        users = List.copyOf(users);
        events = List.copyOf(events);
        tastes = Map.copyOf(tastes);
    }
}
