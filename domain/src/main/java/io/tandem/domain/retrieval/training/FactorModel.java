package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.Embeddings;
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

/**
 * Scores by the dot product of item vectors with the user's vector, folded in from the history against the
 * final item vectors ({@link UserFoldIn}, the exact iALS user step): a user trained on, a new user and a user
 * whose history changed since training are all scored the same way, offline and in serving.
 */
final class FactorModel implements RetrievalModel {

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
