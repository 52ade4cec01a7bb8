package io.tandem.adapters.out.jdbc;

import io.tandem.domain.experiment.attribution.EngagementCounts;
import io.tandem.domain.experiment.attribution.Guardrails;
import io.tandem.domain.experiment.attribution.InterleavingCounts;
import io.tandem.domain.experiment.attribution.ListQuality;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.statistics.RatioSums;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Online-metric cells as rows of {@code experiment_metrics}, both ways and to the last bit of every double. The
 * engagement counts and the guardrails count the same requests, so one column holds both.
 */
final class OnlineMetricsRows {

    static final List<String> KEY = List.of("experiment", "variant", "period");
    private static final String WHOLE_EXPERIMENT = "total";
    private static final List<String> RATIOS = List.of("ctr", "conversion", "value");
    private static final String PREFERENCE = "preference";
    private static final List<String> SUMS = List.of("units", "x", "y", "xx", "yy", "xy");
    static final List<String> COLUMNS = columns();

    private OnlineMetricsRows() {
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(KEY);
        columns.addAll(List.of("users", "requests", "impressions", "clicked_impressions", "carted_impressions",
                "purchased_impressions", "impression_value", "request_only_clicks", "request_only_carts",
                "request_only_purchases", "request_only_value", "requests_with_click", "cut_off",
                "lists_with_click", "mean_ndcg", "mean_reciprocal_rank", "distinct_items", "fallbacks",
                "p99_latency_ms"));
        RATIOS.forEach(ratio -> SUMS.forEach(sum -> columns.add(ratio + "_" + sum)));
        columns.addAll(List.of("wins_a", "wins_b", "ties"));
        SUMS.forEach(sum -> columns.add(PREFERENCE + "_" + sum));
        return List.copyOf(columns);
    }

    /** Binds every parameter of {@link #COLUMNS}, in order. */
    static void bind(PreparedStatement statement, OnlineMetrics cell) throws SQLException {
        int at = 1;
        statement.setString(at++, cell.experiment());
        statement.setString(at++, cell.variant());
        statement.setString(at++, cell.day().map(LocalDate::toString).orElse(WHOLE_EXPERIMENT));
        statement.setLong(at++, cell.users());
        EngagementCounts counts = cell.counts();
        statement.setLong(at++, counts.requests());
        statement.setLong(at++, counts.impressions());
        statement.setLong(at++, counts.clickedImpressions());
        statement.setLong(at++, counts.cartedImpressions());
        statement.setLong(at++, counts.purchasedImpressions());
        statement.setDouble(at++, counts.impressionValue());
        statement.setLong(at++, counts.requestOnlyClicks());
        statement.setLong(at++, counts.requestOnlyCarts());
        statement.setLong(at++, counts.requestOnlyPurchases());
        statement.setDouble(at++, counts.requestOnlyValue());
        statement.setLong(at++, counts.requestsWithClick());
        ListQuality quality = cell.quality();
        statement.setInt(at++, quality.cutOff());
        statement.setLong(at++, quality.listsWithClick());
        statement.setDouble(at++, quality.meanNdcg());
        statement.setDouble(at++, quality.meanReciprocalRank());
        statement.setLong(at++, quality.distinctItems());
        statement.setLong(at++, cell.guardrails().fallbacks());
        statement.setDouble(at++, cell.guardrails().p99LatencyMillis());
        for (RatioSums sums : List.of(cell.clickThroughRate(), cell.conversionRate(), cell.valuePerImpression())) {
            at = bindSums(statement, at, sums);
        }
        InterleavingCounts interleaving = cell.interleaving();
        statement.setLong(at++, interleaving.winsA());
        statement.setLong(at++, interleaving.winsB());
        statement.setLong(at++, interleaving.ties());
        bindSums(statement, at, interleaving.preference());
    }

    private static int bindSums(PreparedStatement statement, int first, RatioSums sums) throws SQLException {
        int at = first;
        statement.setLong(at++, sums.units());
        statement.setDouble(at++, sums.sumX());
        statement.setDouble(at++, sums.sumY());
        statement.setDouble(at++, sums.sumXX());
        statement.setDouble(at++, sums.sumYY());
        statement.setDouble(at++, sums.sumXY());
        return at;
    }

    /** The cell of the current row. */
    static OnlineMetrics cell(ResultSet row) throws SQLException {
        String period = row.getString("period");
        Optional<LocalDate> day = WHOLE_EXPERIMENT.equals(period) ? Optional.empty()
                : Optional.of(LocalDate.parse(period));
        long requests = row.getLong("requests");
        EngagementCounts counts = new EngagementCounts(requests, row.getLong("impressions"),
                row.getLong("clicked_impressions"), row.getLong("carted_impressions"),
                row.getLong("purchased_impressions"), row.getDouble("impression_value"),
                row.getLong("request_only_clicks"), row.getLong("request_only_carts"),
                row.getLong("request_only_purchases"), row.getDouble("request_only_value"),
                row.getLong("requests_with_click"));
        ListQuality quality = new ListQuality(row.getInt("cut_off"), row.getLong("lists_with_click"),
                row.getDouble("mean_ndcg"), row.getDouble("mean_reciprocal_rank"), row.getLong("distinct_items"));
        Guardrails guardrails = new Guardrails(requests, row.getLong("fallbacks"), row.getDouble("p99_latency_ms"));
        return new OnlineMetrics(row.getString("experiment"), row.getString("variant"), day, row.getLong("users"),
                counts, quality, guardrails, sums(row, "ctr"), sums(row, "conversion"), sums(row, "value"),
                new InterleavingCounts(row.getLong("wins_a"), row.getLong("wins_b"), row.getLong("ties"),
                        sums(row, PREFERENCE)));
    }

    private static RatioSums sums(ResultSet row, String ratio) throws SQLException {
        return new RatioSums(row.getLong(ratio + "_units"), row.getDouble(ratio + "_x"), row.getDouble(ratio + "_y"),
                row.getDouble(ratio + "_xx"), row.getDouble(ratio + "_yy"), row.getDouble(ratio + "_xy"));
    }
}
