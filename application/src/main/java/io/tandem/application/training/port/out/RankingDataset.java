package io.tandem.application.training.port.out;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.FeatureSchema;

import java.util.Objects;

/**
 * Learning-to-rank training data in primitive arrays: {@code rows} feature vectors laid out row-major in
 * {@code features} (row {@code r} is {@code features[r * schema.size() .. (r + 1) * schema.size()]}), one label
 * per row (higher is more relevant), and query groups as consecutive row counts (one group per user moment).
 */
public record RankingDataset(FeatureSchema schema, float[] features, float[] labels, int[] groupSizes) {

    public RankingDataset {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(groupSizes, "groupSizes");
        if (features.length != labels.length * schema.size()) {
            throw new InvalidFieldException("features", "must hold " + schema.size() + " values per label");
        }
        long grouped = 0;
        for (int size : groupSizes) {
            if (size < 1) {
                throw new InvalidFieldException("groupSizes", "every group needs at least one row");
            }
            grouped += size;
        }
        if (grouped != labels.length) {
            throw new InvalidFieldException("groupSizes", "must add up to the number of rows");
        }
    }

    public int rows() {
        return labels.length;
    }
}
