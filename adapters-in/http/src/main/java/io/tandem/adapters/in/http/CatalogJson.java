package io.tandem.adapters.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tandem.adapters.shared.json.JsonMembers;
import io.tandem.adapters.shared.json.JsonValue;
import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Attributes;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.Labels;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of catalog items and users: read strictly from requests (ADR-0019: known members only, each once,
 * each of its JSON type, limits checked before the values are built), and written back in answers.
 */
final class CatalogJson {

    static final List<String> ITEM_FIELDS = List.of("itemId", "categories", "tags", "createdAt", "available",
            "attributes");
    static final List<String> USER_FIELDS = List.of("userId", "attributes");

    private CatalogJson() {
    }

    /**
     * The item a JSON object describes. {@code pathId} is the id of {@code PUT /v1/items/{id}}, which the body may
     * repeat but not contradict; null for a batch element, which must name its own.
     */
    static Item item(JsonValue value, String pathId, Instant now) {
        JsonMembers item = JsonMembers.of("", value, ITEM_FIELDS, Map.of("id", "itemId", "category", "categories",
                "tag", "tags", "created", "createdAt", "attrs", "attributes"));
        String id = item.id("itemId");
        if (pathId != null && id != null && !id.equals(pathId)) {
            throw new InvalidFieldException("itemId", "differs from the id in the path");
        }
        if (pathId == null && id == null) {
            throw new InvalidFieldException("itemId", "is required");
        }
        return new Item(new ItemId(pathId != null ? pathId : id),
                new LinkedHashSet<>(item.texts("categories", Labels.MAX_LABELS)),
                new LinkedHashSet<>(item.texts("tags", Labels.MAX_LABELS)), createdAt(item.text("createdAt"), now),
                item.bool("available").orElse(true), item.textMap("attributes", Attributes.MAX_ATTRIBUTES));
    }

    /** The user a JSON object describes, for {@code PUT /v1/users/{id}}. */
    static User user(JsonValue value, String pathId) {
        JsonMembers user = JsonMembers.of("", value, USER_FIELDS, Map.of("id", "userId", "attrs", "attributes"));
        String id = user.id("userId");
        if (id != null && !id.equals(pathId)) {
            throw new InvalidFieldException("userId", "differs from the id in the path");
        }
        return new User(new UserId(pathId), user.textMap("attributes", Attributes.MAX_ATTRIBUTES));
    }

    /** An item as returned. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ItemJson(String itemId, List<String> categories, List<String> tags, String createdAt, boolean available,
                    Map<String, String> attributes) {

        static ItemJson from(Item item) {
            return new ItemJson(item.id().value(), item.categories().stream().sorted().toList(),
                    item.tags().stream().sorted().toList(), item.createdAt().toString(), item.available(),
                    item.attributes());
        }
    }

    /** A user as returned. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserJson(String userId, Map<String, String> attributes) {

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

    private static Instant createdAt(String text, Instant now) {
        if (text == null) {
            return now;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("createdAt", "cannot parse '" + CanonicalText.excerpt(text)
                    + "'; expected ISO-8601 with offset (2026-11-21T09:30:00Z)");
        }
    }
}
