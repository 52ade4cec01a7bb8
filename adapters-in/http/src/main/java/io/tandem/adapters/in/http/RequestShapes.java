package io.tandem.adapters.in.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of the JSON request bodies, for the OpenAPI document only (ADR-0027). The controllers read their
 * bodies as bytes with the strict reader ({@link RequestJson}), which is what checks them; these records only tell
 * the document what a body holds, since a {@code byte[]} parameter would otherwise be shown as a byte string.
 */
final class RequestShapes {

    private RequestShapes() {
    }

    @Schema(description = "One event; one the domain refuses comes back in the answer by index")
    record Event(@Schema(description = "The event's id; derived from the other fields when absent",
                         requiredMode = Schema.RequiredMode.NOT_REQUIRED) String id,
                 @Schema(description = "The event type, such as view, click, purchase or rating",
                         requiredMode = Schema.RequiredMode.REQUIRED) String type,
                 String userId, String itemId,
                 @Schema(description = "ISO-8601 with offset, or whole epoch milliseconds") String time,
                 @Schema(description = "A rating, price or dwell time; required for a rating",
                         requiredMode = Schema.RequiredMode.NOT_REQUIRED) Double value,
                 @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) EventContext context) {
    }

    /** A batch of events, as {@code POST /v1/events} takes it. */
    static final class EventBatch extends ArrayList<Event> {
        private static final long serialVersionUID = 1L;
    }

    /** A batch of items, as {@code POST /v1/items:batch} takes it. */
    static final class ItemBatch extends ArrayList<CatalogJson.ItemJson> {
        private static final long serialVersionUID = 1L;
    }

    @Schema(description = "Where the event happened, to join it to the answer that led to it")
    record EventContext(String surface, String requestId, Integer position) {
    }

    record Job(@Schema(description = "pipeline or train", requiredMode = Schema.RequiredMode.REQUIRED) String type) {
    }

    record Ranking(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String userId,
                   @Schema(description = "1 to 1,000 distinct item ids", requiredMode = Schema.RequiredMode.REQUIRED)
                   List<String> itemIds,
                   @Schema(description = "true adds each item's score breakdown; false when absent",
                           requiredMode = Schema.RequiredMode.NOT_REQUIRED) Boolean explain,
                   @Schema(description = ApiExamples.REQUEST_ID_PARAMETER,
                           requiredMode = Schema.RequiredMode.NOT_REQUIRED) String requestId,
                   @Schema(description = ApiExamples.SURFACE_PARAMETER,
                           requiredMode = Schema.RequiredMode.NOT_REQUIRED) String surface) {
    }

    record Key(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
               @Schema(description = "one or more of ingest, serve, admin", requiredMode = Schema.RequiredMode.REQUIRED)
               List<String> scopes,
               @Schema(description = "The key's own limit; the configured default when absent",
                       requiredMode = Schema.RequiredMode.NOT_REQUIRED) KeyJson.Limit rateLimit) {
    }

    @Schema(description = "A new experiment: its variants' shares sum to 1; the salt is the name when absent")
    record Experiment(@Schema(description = "1-64 lower-case letters, digits, '.', '-' or '_'",
                              requiredMode = Schema.RequiredMode.REQUIRED) String name,
                      @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String salt,
                      @Schema(description = "The surface it covers; every surface when absent",
                              requiredMode = Schema.RequiredMode.NOT_REQUIRED) String surface,
                      @Schema(description = "The share of users kept out of every variant, in (0, 1)",
                              requiredMode = Schema.RequiredMode.NOT_REQUIRED) Double holdout,
                      @Schema(description = "2 to 20 variants; the first is the control",
                              requiredMode = Schema.RequiredMode.REQUIRED) List<ExperimentVariant> variants,
                      @Schema(description = "Whether the periodic check may promote a winning challenger's version "
                              + "on its own; needs a challenger serving a version. False when absent",
                              requiredMode = Schema.RequiredMode.NOT_REQUIRED) Boolean autoPromote,
                      @Schema(description = "\"ab\" (each user sees one variant; the default) or \"interleaving\" "
                              + "(every user sees one list team-drafted from exactly two variants; shares may be left "
                              + "out or 0.5; no holdout, no autoPromote; answers carry the variant \"interleaved\")",
                              requiredMode = Schema.RequiredMode.NOT_REQUIRED) String design) {
    }

    record ExperimentVariant(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                             @Schema(description = "Above 0 and at most 1; required in an A/B experiment, 0.5 or "
                                     + "absent in an interleaving one", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
                             Double share,
                             @Schema(description = "{\"name\",\"version\"} of a registered version, \"champion\", "
                                     + "or null for the rule-based fallback; required",
                                     requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) Object model,
                             @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) ExperimentJson.Options options) {
    }
}
