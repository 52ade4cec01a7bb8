package io.tandem.application.serving;

/**
 * Each request thread's feature-row array, reused by its next request: requests rank about the same number of
 * candidates (500 rows of 30 features, 60 KB), which would otherwise be allocated and collected for every answer.
 * A request reads its rows (ranker call, explanations) before it answers and keeps no reference to them, and the
 * ranker copies them into its own buffer, so the next request of the thread may overwrite them.
 */
final class RowBuffer {

    /** Values above which a thread keeps no array (about 2,000 candidates of 30 features: 256 KB). */
    private static final int MAX_KEPT = 1 << 16;
    private static final ThreadLocal<float[]> ROWS = new ThreadLocal<>();

    private RowBuffer() {
    }

    /**
     * An array of exactly {@code length} values (the ranker wants the rows' exact length), its content
     * unspecified: the caller overwrites every value.
     */
    static float[] rows(int length) {
        float[] rows = ROWS.get();
        if (rows == null || rows.length != length) {
            rows = new float[length];
            if (length <= MAX_KEPT) {
                ROWS.set(rows);
            }
        }
        return rows;
    }
}
