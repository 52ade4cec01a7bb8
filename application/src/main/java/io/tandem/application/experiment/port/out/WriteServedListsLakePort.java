package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.attribution.ServedList;

import java.util.List;

/**
 * Writes a batch of served lists to the data lake as Parquet beside the events, partitioned by the UTC date they
 * were served ({@code served/date=YYYY-MM-DD/part-<batchId>.parquet}, ADR-0026). Writing the same {@code batchId}
 * again replaces those files; an empty batch writes nothing.
 */
@FunctionalInterface
public interface WriteServedListsLakePort {

    /** @param batchId a stable name for the batch ({@code [A-Za-z0-9_-]+}) */
    void writeServedLists(String batchId, List<ServedList> lists);
}
