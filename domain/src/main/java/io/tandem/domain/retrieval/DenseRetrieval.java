package io.tandem.domain.retrieval;

/**
 * A {@link Retrieval} over a full score vector ({@code scores}, kept as given, not copied). {@link #of} sets the
 * history's items to {@code -Infinity} in it, chooses the ranked list with {@link TopItems}, and sums the mean and
 * deviation over every item with four running sums (no branch, no chain of dependent additions), less the
 * history's own scores.
 */
public record DenseRetrieval(float[] scores, int[] top, float mean, float deviation) implements Retrieval {

    /**
     * The retrieval of one user from {@code scores}, every item's score, which it keeps and changes: history
     * items become {@code -Infinity}.
     */
    public static DenseRetrieval of(float[] scores, UserHistory history, int depth) {
        int[] had = history.items();
        double[] moments = Moments.unseen(scores, had);
        for (int item : had) {
            scores[item] = Float.NEGATIVE_INFINITY;
        }
        return new DenseRetrieval(scores, TopItems.select(scores, depth), (float) moments[0], (float) moments[1]);
    }

    @Override
    public float score(int item) {
        return scores[item];
    }

    @Override
    public void scoreAll(float[] out) {
        System.arraycopy(scores, 0, out, 0, out.length);
    }

    /** Mean and standard deviation of score vectors over unseen items. */
    static final class Moments {

        private Moments() {
        }

        /**
         * {mean, deviation} of {@code s} over the items not in {@code had} (distinct) and not scored
         * {@code -Infinity}; {0, 0} when there are none.
         */
        static double[] unseen(float[] s, int[] had) {
            double sum0 = 0;
            double sum1 = 0;
            double sum2 = 0;
            double sum3 = 0;
            double sq0 = 0;
            double sq1 = 0;
            double sq2 = 0;
            double sq3 = 0;
            int n = s.length;
            int item = 0;
            for (; item + 3 < n; item += 4) {
                double a = s[item];
                double b = s[item + 1];
                double c = s[item + 2];
                double d = s[item + 3];
                sum0 += a;
                sum1 += b;
                sum2 += c;
                sum3 += d;
                sq0 += a * a;
                sq1 += b * b;
                sq2 += c * c;
                sq3 += d * d;
            }
            for (; item < n; item++) {
                double a = s[item];
                sum0 += a;
                sq0 += a * a;
            }
            double sum = (sum0 + sum1) + (sum2 + sum3);
            double squares = (sq0 + sq1) + (sq2 + sq3);
            int unseen = n;
            if (Double.isFinite(sum) && Double.isFinite(squares)) {
                for (int seen : had) {
                    double value = s[seen];
                    sum -= value;
                    squares -= value * value;
                    unseen--;
                }
            } else {
                // Some items scored -Infinity (or beyond float range): count only the others.
                sum = 0;
                squares = 0;
                unseen = 0;
                boolean[] inHistory = new boolean[n];
                for (int seen : had) {
                    inHistory[seen] = true;
                }
                for (int i = 0; i < n; i++) {
                    float value = s[i];
                    if (!inHistory[i] && value != Float.NEGATIVE_INFINITY) {
                        sum += value;
                        squares += (double) value * value;
                        unseen++;
                    }
                }
            }
            return of(sum, squares, unseen);
        }

        /** {mean, deviation} from a sum, a sum of squares and a count; {0, 0} for no items. */
        static double[] of(double sum, double squares, long count) {
            if (count <= 0) {
                return new double[] {0, 0};
            }
            double mean = sum / count;
            return new double[] {mean, Math.sqrt(Math.max(squares / count - mean * mean, 0))};
        }
    }
}
