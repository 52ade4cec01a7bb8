package io.tandem.application.catalog;

import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds valid catalog items for tests, fluently: available, created at {@link #CREATED}, without categories, tags or
 * attributes unless a method says otherwise. A test names the values its assertions depend on.
 */
public final class ItemFixture {

    /** The default creation time: whole microseconds, which every store keeps. */
    public static final Instant CREATED = Instant.parse("2024-05-17T08:30:12.123456Z");

    private final String id;
    private Set<String> categories = Set.of();
    private Set<String> tags = Set.of();
    private Instant createdAt = CREATED;
    private boolean available = true;
    private Map<String, String> attributes = Map.of();

    private ItemFixture(String id) {
        this.id = id;
    }

    public static ItemFixture anItem(String id) {
        return new ItemFixture(id);
    }

    public ItemFixture categories(String... names) {
        this.categories = Set.of(names);
        return this;
    }

    public ItemFixture categories(Set<String> names) {
        this.categories = names;
        return this;
    }

    public ItemFixture tags(String... names) {
        this.tags = Set.of(names);
        return this;
    }

    public ItemFixture tags(Set<String> names) {
        this.tags = names;
        return this;
    }

    public ItemFixture createdAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    /** Created {@code seconds} after {@link #CREATED}. */
    public ItemFixture createdSecondsAfterStart(long seconds) {
        return createdAt(CREATED.plusSeconds(seconds));
    }

    public ItemFixture available(boolean isAvailable) {
        this.available = isAvailable;
        return this;
    }

    public ItemFixture unavailable() {
        return available(false);
    }

    public ItemFixture attribute(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(key, value);
        this.attributes = more;
        return this;
    }

    public ItemFixture attributes(Map<String, String> all) {
        this.attributes = all;
        return this;
    }

    public Item build() {
        return new Item(ItemId.of(id), categories, tags, createdAt, available, attributes);
    }
}
