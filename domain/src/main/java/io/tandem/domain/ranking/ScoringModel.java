package io.tandem.domain.ranking;

/**
 * A loaded ranker: scores many candidates in one call. Thread-safe; release it with {@link #close()} once
 * no request uses it any more (a model swap closes the old one after in-flight requests finish).
 */
public interface ScoringModel extends AutoCloseable {

    int featureCount();

    /**
     * Scores {@code rows} row-major feature vectors ({@code features.length == rows * featureCount()}).
     *
     * @return one score per row, higher is better
     */
    float[] score(float[] features, int rows);

    @Override
    void close();
}
