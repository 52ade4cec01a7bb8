package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.ComputedRetrieval;
import io.tandem.domain.retrieval.Embeddings;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.Retrieval;
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
import java.util.stream.IntStream;

/**
 * Implicit ALS (Hu, Koren and Volinsky 2008): user and item embeddings minimising the confidence-weighted squared
 * error over all cells plus L2. Each sweep solves every user, then every item, with a few warm-started
 * conjugate-gradient steps (Takács, Pilászy and Tikk 2011) instead of a Cholesky solve per row, which makes a
 * row cost O(f² + n_u·f) instead of O(f³ + n_u·f²).
 */
public final class IalsTrainer {

    private final IalsParameters parameters;

    public IalsTrainer(IalsParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** User and item embeddings learnt from {@code interactions}, seeded; {@code items} is not read. */
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
        /** The items by descending vector length, for exact top lists that stop early ({@link #retrieve}). */
        private final NormOrder byNorm;
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
            this.byNorm = new NormOrder(embeddings);
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

        /**
         * The exact ranked list without scoring every item: items are visited by descending vector length, and
         * once even {@code |user| x |item|} (the largest dot product the rest could reach) is below the weakest
         * listed score, no later item can enter. The mean and deviation come from the item vectors' precomputed
         * sum and Gram matrix, less the history. Scores are the dot products {@link #score} computes.
         */
        @Override
        public Retrieval retrieve(UserHistory history, int depth, float[] buffer) {
            float[] user = vector(history);
            return byNorm.retrieve(user, history.items(), depth);
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

        /**
         * Item vectors reordered by descending length (ties by index), with their lengths, and the sum and Gram
         * matrix of all item vectors.
         */
        static final class NormOrder {

            /** Covers the rounding of a float dot product of up to a few hundred dimensions. */
            private static final double BOUND_SLACK = 1.0 + 1e-4;

            private final float[] items;
            private final int f;
            private final int[] order;
            private final double[] lengths;
            private final float[] rows;
            private final double[] sum;
            private final double[] gram;

            NormOrder(Embeddings embeddings) {
                this.items = embeddings.items();
                this.f = embeddings.dimension();
                int n = embeddings.itemCount();
                double[] length = new double[n];
                sum = new double[f];
                gram = new double[f * f];
                for (int item = 0; item < n; item++) {
                    int at = item * f;
                    double squares = 0;
                    for (int a = 0; a < f; a++) {
                        double va = items[at + a];
                        squares += va * va;
                        sum[a] += va;
                        for (int b = 0; b < f; b++) {
                            gram[a * f + b] += va * items[at + b];
                        }
                    }
                    length[item] = Math.sqrt(squares);
                }
                order = IntStream.range(0, n).boxed()
                        .sorted((x, y) -> length[x] != length[y] ? Double.compare(length[y], length[x])
                                : Integer.compare(x, y))
                        .mapToInt(Integer::intValue).toArray();
                lengths = new double[n];
                rows = new float[n * f];
                for (int p = 0; p < n; p++) {
                    lengths[p] = length[order[p]];
                    System.arraycopy(items, order[p] * f, rows, p * f, f);
                }
            }

            Retrieval retrieve(float[] user, int[] had, int depth) {
                int n = order.length;
                double userLength = 0;
                for (float value : user) {
                    userLength += (double) value * value;
                }
                userLength = Math.sqrt(userLength) * BOUND_SLACK;
                int capacity = Math.min(depth, n);
                int[] heapItems = new int[capacity];
                float[] heapScores = new float[capacity];
                int size = 0;
                for (int p = 0; p < n; p++) {
                    if (size == capacity && (capacity == 0 || userLength * lengths[p] < heapScores[0])) {
                        break;
                    }
                    int item = order[p];
                    if (Arrays.binarySearch(had, item) >= 0) {
                        continue;
                    }
                    float score = dot(user, rows, p * f);
                    if (Float.isNaN(score)) {
                        continue;
                    }
                    if (size < capacity) {
                        heapItems[size] = item;
                        heapScores[size] = score;
                        siftUp(heapItems, heapScores, size++);
                    } else if (better(score, item, heapScores[0], heapItems[0])) {
                        heapItems[0] = item;
                        heapScores[0] = score;
                        siftDown(heapItems, heapScores, size);
                    }
                }
                int[] top = new int[size];
                for (int position = size - 1; position >= 0; position--) {
                    top[position] = heapItems[0];
                    heapItems[0] = heapItems[size - 1];
                    heapScores[0] = heapScores[size - 1];
                    size--;
                    siftDown(heapItems, heapScores, size);
                }
                double total = 0;
                double squares = 0;
                for (int a = 0; a < f; a++) {
                    total += user[a] * sum[a];
                    double row = 0;
                    for (int b = 0; b < f; b++) {
                        row += gram[a * f + b] * user[b];
                    }
                    squares += user[a] * row;
                }
                for (int seen : had) {
                    double score = dot(user, items, seen * f);
                    total -= score;
                    squares -= score * score;
                }
                long count = (long) n - had.length;
                float mean = count > 0 ? (float) (total / count) : 0f;
                float deviation = count > 0
                        ? (float) Math.sqrt(Math.max(squares / count - (total / count) * (total / count), 0)) : 0f;
                return new ComputedRetrieval(item -> dot(user, items, item * f), top, mean, deviation);
            }

            /** The dot product in dimension order, as {@link FactorModel#score} sums it. */
            private float dot(float[] user, float[] vectors, int at) {
                float sum = 0;
                for (int d = 0; d < f; d++) {
                    sum += user[d] * vectors[at + d];
                }
                return sum;
            }

            /** A higher score, or the same score and a lower index (the order of {@code TopItems}). */
            private static boolean better(float score, int item, float otherScore, int other) {
                return score > otherScore || (score == otherScore && item < other);
            }

            private static void siftUp(int[] items, float[] scores, int position) {
                int item = items[position];
                float score = scores[position];
                while (position > 0) {
                    int parent = (position - 1) >>> 1;
                    if (!better(scores[parent], items[parent], score, item)) {
                        break;
                    }
                    items[position] = items[parent];
                    scores[position] = scores[parent];
                    position = parent;
                }
                items[position] = item;
                scores[position] = score;
            }

            private static void siftDown(int[] items, float[] scores, int size) {
                if (size == 0) {
                    return;
                }
                int item = items[0];
                float score = scores[0];
                int position = 0;
                while (true) {
                    int child = 2 * position + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && better(scores[child], items[child], scores[child + 1], items[child + 1])) {
                        child++;
                    }
                    if (!better(score, item, scores[child], items[child])) {
                        break;
                    }
                    items[position] = items[child];
                    scores[position] = scores[child];
                    position = child;
                }
                items[position] = item;
                scores[position] = score;
            }
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
