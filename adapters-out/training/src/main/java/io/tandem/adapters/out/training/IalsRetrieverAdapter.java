package io.tandem.adapters.out.training;

import io.tandem.application.port.out.TrainRetrieverPort;
import io.tandem.domain.retrieval.Embeddings;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;
import io.tandem.domain.retrieval.UserFoldIn;
import io.tandem.domain.retrieval.UserHistory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Implicit ALS (Hu, Koren and Volinsky 2008): user and item embeddings minimising the confidence-weighted squared
 * error over all cells plus L2. Each sweep solves every user, then every item, with a few warm-started
 * conjugate-gradient steps (Takács, Pilászy and Tikk 2011) instead of a Cholesky solve per row, which makes a
 * row cost O(f² + n_u·f) instead of O(f³ + n_u·f²).
 */
public final class IalsRetrieverAdapter implements TrainRetrieverPort {

    private final IalsParameters parameters;

    public IalsRetrieverAdapter(IalsParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public RetrievalModel train(InteractionMatrix interactions, ItemFacets items) {
        int f = parameters.factors();
        InteractionMatrix byItem = interactions.transpose();
        float[] userVectors = new float[interactions.userCount() * f];
        float[] itemVectors = new float[interactions.itemCount() * f];
        SplittableRandom random = new SplittableRandom(parameters.seed());
        double scale = 0.1 / Math.sqrt(f);
        for (int p = 0; p < itemVectors.length; p++) {
            itemVectors[p] = (float) (random.nextGaussian() * scale);
        }
        float[] userConfidence = confidences(interactions);
        float[] itemConfidence = confidences(byItem);
        for (int iteration = 0; iteration < parameters.iterations(); iteration++) {
            solve(interactions, userConfidence, itemVectors, userVectors);
            solve(byItem, itemConfidence, userVectors, itemVectors);
        }
        return new FactorModel(new Embeddings(f, userVectors, itemVectors), parameters.regularization(),
                parameters.alpha(), parameters.confidence());
    }

    /** {@code confidence - 1} of every stored cell, the extra weight an observed cell carries. */
    private float[] confidences(InteractionMatrix matrix) {
        float[] values = matrix.values();
        float[] extra = new float[values.length];
        for (int p = 0; p < values.length; p++) {
            double w = parameters.confidence() == IalsParameters.Confidence.BINARY ? 1.0 : Math.log1p(values[p]);
            extra[p] = (float) (parameters.alpha() * w);
        }
        return extra;
    }

    /** Solves every row of {@code matrix} for its vector in {@code solved}, given the fixed vectors of the other side. */
    private void solve(InteractionMatrix matrix, float[] extra, float[] fixed, float[] solved) {
        int f = parameters.factors();
        double[] gram = gram(fixed, f);
        double lambda = parameters.regularization();
        int[] columns = matrix.columns();
        Rows.forEach(matrix.userCount(), row -> {
            int from = matrix.rowStart(row);
            int to = matrix.rowEnd(row);
            double[] x = new double[f];
            int offset = row * f;
            for (int d = 0; d < f; d++) {
                x[d] = solved[offset + d];
            }
            double[] b = new double[f];
            for (int p = from; p < to; p++) {
                int other = columns[p] * f;
                double c = 1.0 + extra[p];
                for (int d = 0; d < f; d++) {
                    b[d] += c * fixed[other + d];
                }
            }
            double[] r = new double[f];
            multiply(gram, lambda, fixed, columns, extra, from, to, x, r, f);
            for (int d = 0; d < f; d++) {
                r[d] = b[d] - r[d];
            }
            double[] p = r.clone();
            double[] ap = new double[f];
            double rs = dot(r, r);
            for (int step = 0; step < parameters.conjugateGradientSteps() && rs > 1e-20; step++) {
                multiply(gram, lambda, fixed, columns, extra, from, to, p, ap, f);
                double alpha = rs / dot(p, ap);
                for (int d = 0; d < f; d++) {
                    x[d] += alpha * p[d];
                    r[d] -= alpha * ap[d];
                }
                double next = dot(r, r);
                double beta = next / rs;
                for (int d = 0; d < f; d++) {
                    p[d] = r[d] + beta * p[d];
                }
                rs = next;
            }
            for (int d = 0; d < f; d++) {
                solved[offset + d] = (float) x[d];
            }
        });
    }

    /** {@code out = (G + lambda I + sum_i extra_i y_i y_i^T) v}, the row's system matrix times v. */
    private static void multiply(double[] gram, double lambda, float[] fixed, int[] columns, float[] extra,
                                 int from, int to, double[] v, double[] out, int f) {
        for (int a = 0; a < f; a++) {
            double sum = lambda * v[a];
            int rowA = a * f;
            for (int b = 0; b < f; b++) {
                sum += gram[rowA + b] * v[b];
            }
            out[a] = sum;
        }
        for (int p = from; p < to; p++) {
            int other = columns[p] * f;
            double projection = 0;
            for (int d = 0; d < f; d++) {
                projection += fixed[other + d] * v[d];
            }
            double weight = extra[p] * projection;
            for (int d = 0; d < f; d++) {
                out[d] += weight * fixed[other + d];
            }
        }
    }

    /** {@code Y^T Y} of the fixed side, f×f, summed in a fixed order. */
    private static double[] gram(float[] vectors, int f) {
        double[] gram = new double[f * f];
        int rows = vectors.length / f;
        for (int row = 0; row < rows; row++) {
            int offset = row * f;
            for (int a = 0; a < f; a++) {
                double va = vectors[offset + a];
                if (va == 0) {
                    continue;
                }
                int rowA = a * f;
                for (int b = 0; b < f; b++) {
                    gram[rowA + b] += va * vectors[offset + b];
                }
            }
        }
        return gram;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    /**
     * Scores by the dot product of item vectors with the user's vector, folded in from the history against the
     * final item vectors ({@link UserFoldIn}, the exact iALS user step): a user trained on, a new user and a user
     * whose history changed since training are all scored the same way, offline and in serving.
     */
    static final class FactorModel implements RetrievalModel {

        static final byte TAG = 3;

        private final Embeddings embeddings;
        private final double regularization;
        private final double alpha;
        private final IalsParameters.Confidence confidence;
        private final UserFoldIn foldIn;
        /**
         * The item vectors dimension by dimension, in blocks of {@link #BLOCK} items: scoring adds one dimension
         * at a time over a block of items, a loop the JIT turns into vector instructions, with the block's sums
         * staying in the fastest cache. Every item's sum is still built in dimension order, so the scores are the
         * same, bit for bit, as one dot product per item.
         */
        private final float[] byDimension;
        /** The last user vector folded in on each thread: scoring and the features ask for it for one history. */
        private final ThreadLocal<LastUser> lastUser = new ThreadLocal<>();

        private static final int BLOCK = 1024;

        FactorModel(Embeddings embeddings, double regularization, double alpha, IalsParameters.Confidence confidence) {
            this.embeddings = embeddings;
            this.regularization = regularization;
            this.alpha = alpha;
            this.confidence = Objects.requireNonNull(confidence, "confidence");
            this.foldIn = UserFoldIn.of(embeddings, regularization, alpha);
            this.byDimension = byDimension(embeddings);
        }

        /** Item vectors regrouped as [block][dimension][item in block]; the last block may be shorter. */
        private static float[] byDimension(Embeddings embeddings) {
            int n = embeddings.itemCount();
            int f = embeddings.dimension();
            float[] items = embeddings.items();
            float[] regrouped = new float[n * f];
            for (int start = 0; start < n; start += BLOCK) {
                int width = Math.min(BLOCK, n - start);
                int base = start * f;
                for (int d = 0; d < f; d++) {
                    for (int i = 0; i < width; i++) {
                        regrouped[base + d * width + i] = items[(start + i) * f + d];
                    }
                }
            }
            return regrouped;
        }

        @Override
        public int itemCount() {
            return embeddings.itemCount();
        }

        @Override
        public void score(UserHistory history, float[] scores) {
            float[] user = vector(history);
            int n = scores.length;
            int f = embeddings.dimension();
            float[] columns = byDimension;
            for (int start = 0; start < n; start += BLOCK) {
                int width = Math.min(BLOCK, n - start);
                int end = start + width;
                int base = start * f;
                Arrays.fill(scores, start, end, 0f);
                for (int d = 0; d < f; d++) {
                    float weight = user[d];
                    int column = base + d * width - start;
                    for (int item = start; item < end; item++) {
                        scores[item] += weight * columns[column + item];
                    }
                }
            }
        }

        @Override
        public Optional<Embeddings> embeddings() {
            return Optional.of(embeddings);
        }

        @Override
        public Optional<float[]> userVector(UserHistory history) {
            return Optional.of(vector(history));
        }

        private float[] vector(UserHistory history) {
            LastUser last = lastUser.get();
            if (last != null && last.history == history) {
                return last.vector.clone();
            }
            float[] vector = foldIn(history);
            lastUser.set(new LastUser(history, vector.clone()));
            return vector;
        }

        private float[] foldIn(UserHistory history) {
            float[] weights = new float[history.size()];
            float[] values = history.values();
            for (int k = 0; k < weights.length; k++) {
                weights[k] = confidence == IalsParameters.Confidence.BINARY ? 1f : (float) Math.log1p(values[k]);
            }
            return foldIn.fold(history.items(), weights);
        }

        /** A history (by identity: a request's own object) and the vector folded in for it. */
        private record LastUser(UserHistory history, float[] vector) {
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(embeddings.dimension());
            out.writeDouble(regularization);
            out.writeDouble(alpha);
            out.writeUTF(confidence.name());
            BinaryArrays.writeFloats(out, embeddings.items());
        }

        static FactorModel read(DataInputStream in) throws IOException {
            int dimension = in.readInt();
            double regularization = in.readDouble();
            double alpha = in.readDouble();
            IalsParameters.Confidence confidence = IalsParameters.Confidence.valueOf(in.readUTF());
            float[] items = BinaryArrays.readFloats(in);
            return new FactorModel(new Embeddings(dimension, new float[0], items), regularization, alpha,
                    confidence);
        }
    }
}
