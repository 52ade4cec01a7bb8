package io.tandem.adapters.shared.parquet;

import com.jerolba.carpet.annotation.Alias;
import com.jerolba.carpet.annotation.NotNull;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.experiment.interleaving.Team;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Parquet row of the lake's served-list table (ADR-0026): one row per served item, the list's own columns
 * repeated on each; a list that served no item is one row whose item columns are null. {@code served_at} is the
 * UTC wall-clock time as a plain TIMESTAMP, like the events' {@code time}; the latency is kept in nanoseconds so the
 * latency guardrail recomputes to the same bucket. {@code team} is the team (A or B) that drafted the item of an
 * interleaved list, null otherwise and in files written before interleaving (ADR-0024, "Interleaving").
 */
public record ServedRow(
        @NotNull @Alias("request_id") String requestId,
        @NotNull String experiment,
        @NotNull String variant,
        @NotNull @Alias("user_id") String userId,
        @NotNull @Alias("served_at") LocalDateTime servedAt,
        @Alias("latency_nanos") long latencyNanos,
        boolean fallback,
        @Alias("item_id") String itemId,
        Integer position,
        Double propensity,
        String team) {

    static List<ServedRow> of(ServedList list) {
        LocalDateTime servedAt = LocalDateTime.ofInstant(list.servedAt().truncatedTo(ChronoUnit.MICROS),
                ZoneOffset.UTC);
        long latency = list.latency().toNanos();
        if (list.items().isEmpty()) {
            return List.of(new ServedRow(list.requestId(), list.experiment(), list.variant(), list.user().value(),
                    servedAt, latency, list.fallback(), null, null, null, null));
        }
        List<ServedRow> rows = new ArrayList<>(list.items().size());
        for (ServedItem item : list.items()) {
            rows.add(new ServedRow(list.requestId(), list.experiment(), list.variant(), list.user().value(),
                    servedAt, latency, list.fallback(), item.item().value(), item.position(), item.propensity(),
                    item.team().map(Team::name).orElse(null)));
        }
        return rows;
    }

    /** True when {@code other} is a further row of the same served list. */
    boolean sameListAs(ServedRow other) {
        return requestId.equals(other.requestId) && experiment.equals(other.experiment)
                && variant.equals(other.variant) && userId.equals(other.userId) && servedAt.equals(other.servedAt);
    }

    /** Rebuilds the served list of consecutive rows through the domain constructors, so damage fails as bad input. */
    static ServedList toServedList(List<ServedRow> rows) {
        ServedRow first = rows.get(0);
        List<ServedItem> items = new ArrayList<>(rows.size());
        for (ServedRow row : rows) {
            if (row.itemId == null) {
                if (rows.size() > 1) {
                    throw new IllegalArgumentException("a row without item_id in a list with items");
                }
                continue;
            }
            if (row.position == null || row.propensity == null) {
                throw new IllegalArgumentException("item '" + row.itemId + "' has no position or propensity");
            }
            items.add(new ServedItem(ItemId.of(row.itemId), row.position, row.propensity,
                    Optional.ofNullable(row.team).map(Team::valueOf)));
        }
        return new ServedList(first.requestId, first.experiment, first.variant, UserId.of(first.userId),
                first.servedAt.toInstant(ZoneOffset.UTC), items, Duration.ofNanos(first.latencyNanos),
                first.fallback);
    }
}
