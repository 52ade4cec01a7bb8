package io.tandem.domain.retrieval.training;

import io.tandem.domain.retrieval.Embeddings;
import io.tandem.domain.retrieval.InteractionMatrix;
import io.tandem.domain.retrieval.ItemFacets;
import io.tandem.domain.retrieval.RetrievalModel;

import java.util.Objects;
import java.util.SplittableRandom;

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
}
