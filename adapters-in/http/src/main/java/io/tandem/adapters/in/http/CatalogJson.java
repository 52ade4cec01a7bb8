package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON shapes of catalog items and users, and their mapping to the domain. */
final class CatalogJson {

    private CatalogJson() {
    }

    /** An item as sent or returned; {@code itemId} is taken from the path on {@code PUT /v1/items/{id}}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ItemJson(@Nullable String itemId, @Nullable List<String> categories, @Nullable List<String> tags,
                    @Nullable String createdAt, @Nullable Boolean available,
                    @Nullable Map<String, String> attributes) {

        Item toItem(String id, Instant now) {
            return new Item(new ItemId(id), set(categories), set(tags), parseTime(createdAt, now),
                    available == null || available, attributes == null ? Map.of() : attributes);
        }

        static ItemJson from(Item item) {
            return new ItemJson(item.id().value(), item.categories().stream().sorted().toList(),
                    item.tags().stream().sorted().toList(), item.createdAt().toString(), item.available(),
                    item.attributes());
        }
    }

    /** A user as sent or returned. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserJson(@Nullable String userId, @Nullable Map<String, String> attributes) {

        User toUser(String id) {
            return new User(new UserId(id), attributes == null ? Map.of() : attributes);
        }

        static UserJson from(User user) {
            return new UserJson(user.id().value(), user.attributes());
        }
    }

    /** What became of a batch of items: how many were stored, and which were refused (by index). */
    @Serdeable
    record UpsertResponse(int upserted, List<EventsController.Rejection> rejected) {
    }

    /** How many items and users the catalog holds. */
    @Serdeable
    record CatalogSize(long items, long users) {
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }

    private static Instant parseTime(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return now;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("createdAt", "cannot parse '" + text + "'; expected ISO-8601 with offset");
        }
    }
}
