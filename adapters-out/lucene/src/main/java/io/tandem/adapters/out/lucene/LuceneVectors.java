package io.tandem.adapters.out.lucene;

import io.tandem.domain.retrieval.VectorSimilarity;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Translates between Tandem's similarities and Lucene's: Lucene scores must be non-negative, so it maps the dot
 * product and the cosine onto positive scores, which this class maps back.
 */
final class LuceneVectors {

    private LuceneVectors() {
    }

    /**
     * The Lucene function for {@code similarity}. Dot products use MAXIMUM_INNER_PRODUCT (Lucene 9.8+), which keeps
     * vector lengths: iALS item norms carry popularity, and user-item scores are raw dot products. Cosine uses
     * DOT_PRODUCT over vectors normalised once at build time, cheaper than Lucene's COSINE, which normalises on
     * every comparison.
     */
    static VectorSimilarityFunction function(VectorSimilarity similarity) {
        return switch (similarity) {
            case DOT_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
            case COSINE -> VectorSimilarityFunction.DOT_PRODUCT;
        };
    }

    /** A copy of one row of {@code source}, as Lucene should index it for {@code similarity}. */
    static float[] prepare(VectorSimilarity similarity, float[] source, int from, int dimension) {
        float[] vector = new float[dimension];
        System.arraycopy(source, from, vector, 0, dimension);
        return similarity == VectorSimilarity.COSINE ? normalizeInPlace(vector) : vector;
    }

    /** {@code vector} scaled to length 1, in place; a zero vector stays zero, which has cosine 0 with anything. */
    static float[] normalizeInPlace(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += (double) value * value;
        }
        if (squares > 0) {
            float scale = (float) (1 / Math.sqrt(squares));
            for (int d = 0; d < vector.length; d++) {
                vector[d] *= scale;
            }
        }
        return vector;
    }

    /**
     * The similarity behind a Lucene score: MAXIMUM_INNER_PRODUCT scores {@code 1 + dot} for a non-negative dot
     * product and {@code 1 / (1 - dot)} for a negative one; DOT_PRODUCT scores {@code (1 + cosine) / 2}.
     */
    static double similarity(VectorSimilarity similarity, float luceneScore) {
        return switch (similarity) {
            case DOT_PRODUCT -> luceneScore >= 1 ? luceneScore - 1.0 : 1.0 - 1.0 / luceneScore;
            case COSINE -> 2.0 * luceneScore - 1.0;
        };
    }
}
