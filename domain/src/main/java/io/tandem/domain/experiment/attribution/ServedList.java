package io.tandem.domain.experiment.attribution;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.ExperimentNames;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one request inside an experiment served: the list follow-up events quote by {@code requestId}, the
 * experiment and group (a variant or the holdout) it was served under, and the guardrail facts of the answer.
 *
 * @param items    the list, sorted here by position; positions and items are distinct
 * @param latency  how long the answer took
 * @param fallback true when the rule-based fallback answered
 */
public record ServedList(String requestId, String experiment, String variant, UserId user, Instant servedAt,
                         List<ServedItem> items, Duration latency, boolean fallback) {

    public static final int MAX_REQUEST_ID_LENGTH = 128;

    public ServedList {
        requestId = InvalidFieldException.requireText("requestId", requestId);
        if (requestId.length() > MAX_REQUEST_ID_LENGTH) {
            throw new InvalidFieldException("requestId", "is longer than " + MAX_REQUEST_ID_LENGTH + " characters");
        }
        experiment = ExperimentNames.canonical("experiment", experiment);
        variant = ExperimentNames.canonical("variant", variant);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(servedAt, "servedAt");
        items = Objects.requireNonNull(items, "items").stream()
                .sorted(Comparator.comparingInt(ServedItem::position)).toList();
        Set<ItemId> seenItems = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0 && items.get(i).position() == items.get(i - 1).position()) {
                throw new InvalidFieldException("items.position",
                        "position " + items.get(i).position() + " is used twice");
            }
            if (!seenItems.add(items.get(i).item())) {
                throw new InvalidFieldException("items.item", "'" + items.get(i).item() + "' is served twice");
            }
        }
        long teamed = items.stream().filter(item -> item.team().isPresent()).count();
        if (teamed != 0 && teamed != items.size()) {
            throw new InvalidFieldException("items.team", "an interleaved list names the team of every item");
        }
        if (latency == null || latency.isNegative()) {
            throw new InvalidFieldException("latency", "must be 0 or more");
        }
    }

    /** True when every item names the team that drafted it: the list's clicks decide a winner. */
    public boolean interleaved() {
        return !items.isEmpty() && items.get(0).team().isPresent();
    }
}
