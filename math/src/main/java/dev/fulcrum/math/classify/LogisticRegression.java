package dev.fulcrum.math.classify;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary L2-regularised logistic regression on standardised features, with sample weights: the
 * domain classifier of importance weighting and of the host's domain-gap report. It minimises
 * {@code C * sum_i s_i log-loss_i + |w|^2 / 2} (the intercept is not penalised) with the sample
 * weights {@code s} scaled to mean 1, as scikit-learn's {@code LogisticRegression(C)} does, by
 * Nesterov-accelerated gradient descent (FISTA, Beck and Teboulle 2009) with step {@code 1/L}, where
 * {@code L} bounds the curvature: a fixed number of {@code O(n d)} steps, so it also works where
 * {@code d} is too large for Newton's method. Cross-validation solves every fold at once, as columns
 * of one coefficient matrix, so each step reads the data once for all folds. Standardising runs in
 * DOUBLE; the steps run in FLOAT, since each streams the whole design matrix from memory.
 */
@Experimental
public final class LogisticRegression {

    private static final int POWER_ITERATIONS = 30;
    private static final int CHECK_EVERY = 10;
    /** Stop once a step moves the coefficients less than this. */
    private static final double STOP_STEP = 1e-7;

    private final Standardiser standardiser;
    private final INDArray coefficients;

    private LogisticRegression(Standardiser standardiser, INDArray coefficients) {
        this.standardiser = standardiser;
        this.coefficients = coefficients;
    }

    /**
     * @param features   {@code [n, d]}
     * @param labels     0 or 1 per row
     * @param weights    a positive sample weight per row, or {@code null} for equal weights
     * @param c          inverse regularisation strength, as scikit-learn's {@code C}
     * @param iterations gradient steps; a few hundred suffice on standardised features
     */
    public static LogisticRegression fit(INDArray features, INDArray labels, INDArray weights, double c, int iterations) {
        check(features, labels, weights, c, iterations);
        Standardiser standardiser = Standardiser.of(features);
        INDArray s = weightsOrOnes(weights, features.rows());
        return new LogisticRegression(standardiser, solve(standardiser.design(features), column(labels), s, c, iterations)
                .castTo(DataType.DOUBLE));
    }

    /**
     * The weighted accuracy of held-out predictions in {@code folds}-fold cross-validation; row
     * {@code i} is held out in fold {@code i % folds}, so shuffle rows whose order means something.
     * Features are standardised once on all rows.
     */
    public static double crossValidatedAccuracy(INDArray features, INDArray labels, INDArray weights, double c, int iterations,
                                                int folds) {
        check(features, labels, weights, c, iterations);
        long n = features.rows();
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("need between 2 and " + n + " folds, got " + folds);
        }
        INDArray held = Nd4j.zeros(DataType.FLOAT, n, folds);
        for (int row = 0; row < n; row++) {
            held.putScalar(row, row % folds, 1);
        }
        INDArray s = weightsOrOnes(weights, n);
        INDArray design = Standardiser.of(features).design(features);
        INDArray y = column(labels);
        INDArray coefficients = solve(design, y, held.rsub(1.0).muliColumnVector(s), c, iterations);
        INDArray heldOutProbability = Transforms.sigmoid(design.mmul(coefficients), false).muli(held).sum(true, 1);
        INDArray hits = heldOutProbability.gt(0.5).castTo(DataType.FLOAT).eq(y).castTo(DataType.FLOAT);
        return hits.muli(s).sumNumber().doubleValue() / s.sumNumber().doubleValue();
    }

    /** {@code P(label = 1 | x)} per row, {@code [n, 1]}, DOUBLE. */
    public INDArray probabilities(INDArray features) {
        return Transforms.sigmoid(standardiser.design(features).castTo(DataType.DOUBLE).mmul(coefficients), false);
    }

    /**
     * FISTA for one problem per column of {@code s}: each column holds the sample weights of one
     * problem (zeros leave rows out). Minimises, per column, {@code sum_i s_i loss_i / sum_i s_i +
     * |w|^2 / (2 C n)}, with {@code n} the rows of non-zero weight.
     */
    private static INDArray solve(INDArray design, INDArray y, INDArray s, double c, int iterations) {
        long d = design.columns();
        INDArray used = s.gt(0).castTo(DataType.FLOAT).sum(true, 0);
        INDArray normalised = s.divRowVector(s.sum(true, 0));
        INDArray l2 = used.muli(c).rdivi(1.0);
        INDArray penalty = Nd4j.ones(DataType.FLOAT, d, 1).mmul(l2);
        penalty.getRow(d - 1).assign(0);
        // A copy, not a view: multiplying by a transposed view copies the matrix on every call.
        INDArray transposed = design.transpose().dup('c');
        // Power iteration approaches the largest eigenvalue from below: the margin keeps the step safe.
        INDArray steps = largestEigenvalues(design, transposed, normalised).muli(1.1 * 0.25).addi(l2).rdivi(1.0);
        INDArray beta = Nd4j.zeros(DataType.FLOAT, d, s.columns());
        INDArray momentum = beta.dup();
        double t = 1;
        for (int k = 0; k < iterations; k++) {
            INDArray residual = Transforms.sigmoid(design.mmul(momentum), false).subiColumnVector(y).muli(normalised);
            INDArray move = transposed.mmul(residual).addi(momentum.mul(penalty)).muliRowVector(steps).negi();
            INDArray next = move.add(momentum);
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            momentum = next.sub(beta).muli((t - 1) / tNext).addi(next);
            beta = next;
            t = tNext;
            if (k % CHECK_EVERY == 0 && move.norm2Number().doubleValue() < STOP_STEP) {
                break;
            }
        }
        return beta;
    }

    /** Per column of {@code s}, the largest eigenvalue of {@code X^T diag(s) X}, by power iteration from a fixed start. */
    private static INDArray largestEigenvalues(INDArray design, INDArray transposed, INDArray s) {
        INDArray v = Nd4j.ones(DataType.FLOAT, design.columns(), s.columns());
        v.divi(Math.sqrt(design.columns()));
        INDArray values = Nd4j.zeros(DataType.FLOAT, 1, s.columns());
        for (int i = 0; i < POWER_ITERATIONS; i++) {
            INDArray next = transposed.mmul(design.mmul(v).muli(s));
            values = next.norm2(true, 0);
            v = next.diviRowVector(values.add(Float.MIN_NORMAL));
        }
        return values;
    }

    private static void check(INDArray features, INDArray labels, INDArray weights, double c, int iterations) {
        long n = features.rows();
        if (n == 0 || labels.length() != n || (weights != null && weights.length() != n)) {
            throw new IllegalArgumentException("need as many labels and weights as rows, and at least one row");
        }
        if (!(c > 0) || iterations < 1) {
            throw new IllegalArgumentException("C must be positive and iterations at least 1");
        }
    }

    private static INDArray weightsOrOnes(INDArray weights, long n) {
        return weights == null ? Nd4j.ones(DataType.FLOAT, n, 1) : weights.castTo(DataType.FLOAT).reshape(n, 1).dup();
    }

    private static INDArray column(INDArray values) {
        return values.castTo(DataType.FLOAT).reshape(values.length(), 1);
    }

    /** Standardises columns with the mean and standard deviation of the rows it was made from; constant columns are only centred. */
    private record Standardiser(INDArray mean, INDArray scale) {
        static Standardiser of(INDArray features) {
            INDArray x = features.castTo(DataType.DOUBLE);
            INDArray std = x.std(false, true, 0);
            return new Standardiser(x.mean(true, 0), std.add(std.eq(0).castTo(DataType.DOUBLE)));
        }

        /** The standardised features with a column of ones for the intercept, FLOAT. */
        INDArray design(INDArray features) {
            INDArray standardised = features.castTo(DataType.DOUBLE).subRowVector(mean).diviRowVector(scale);
            return Nd4j.hstack(standardised, Nd4j.ones(DataType.DOUBLE, standardised.rows(), 1)).castTo(DataType.FLOAT);
        }
    }
}
