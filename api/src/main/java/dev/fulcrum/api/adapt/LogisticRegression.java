package dev.fulcrum.api.adapt;

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
 * {@code L} bounds the curvature: a fixed number of cheap {@code O(n d)} steps, so it also works
 * where {@code d} is too large for Newton's method. Everything runs in DOUBLE.
 */
@Experimental
public final class LogisticRegression {

    private static final int POWER_ITERATIONS = 30;
    private static final int CHECK_EVERY = 10;
    /** Stop once a step moves the coefficients less than this. */
    private static final double STOP_STEP = 1e-9;

    private final INDArray mean;
    private final INDArray scale;
    private final INDArray coefficients;

    private LogisticRegression(INDArray mean, INDArray scale, INDArray coefficients) {
        this.mean = mean;
        this.scale = scale;
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
        long n = features.rows();
        if (n == 0 || labels.length() != n || (weights != null && weights.length() != n)) {
            throw new IllegalArgumentException("need as many labels and weights as rows, and at least one row");
        }
        if (!(c > 0) || iterations < 1) {
            throw new IllegalArgumentException("C must be positive and iterations at least 1");
        }
        INDArray x = features.castTo(DataType.DOUBLE);
        INDArray mean = x.mean(true, 0);
        INDArray std = x.std(false, true, 0);
        INDArray scale = std.add(std.eq(0).castTo(DataType.DOUBLE));
        INDArray design = withIntercept(x.subRowVector(mean).diviRowVector(scale));
        INDArray y = labels.castTo(DataType.DOUBLE).reshape(n, 1);
        INDArray s = weights == null ? Nd4j.ones(DataType.DOUBLE, n, 1) : weights.castTo(DataType.DOUBLE).reshape(n, 1).dup();
        // Mean-loss form: the gradient of (1/n) sum s_i loss_i + |w|^2 / (2 C n); s/n folds in the 1/n.
        s.muli(1.0 / s.sumNumber().doubleValue());
        long d = design.columns();
        double l2 = 1.0 / (c * n);
        INDArray penalty = Nd4j.ones(DataType.DOUBLE, d, 1).muli(l2);
        penalty.putScalar(d - 1, 0, 0.0);
        // Power iteration approaches the largest eigenvalue from below: the margin keeps the step safe.
        double step = 1 / (1.1 * 0.25 * largestEigenvalue(design, s) + l2);
        INDArray transposed = design.transpose();
        INDArray beta = Nd4j.zeros(DataType.DOUBLE, d, 1);
        INDArray momentum = beta.dup();
        double t = 1;
        for (int k = 0; k < iterations; k++) {
            INDArray residual = Transforms.sigmoid(design.mmul(momentum), false).subi(y).muli(s);
            INDArray gradient = transposed.mmul(residual).addi(momentum.mul(penalty));
            INDArray move = gradient.muli(-step);
            INDArray next = move.add(momentum);
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            momentum = next.sub(beta).muli((t - 1) / tNext).addi(next);
            beta = next;
            t = tNext;
            if (k % CHECK_EVERY == 0 && move.norm2Number().doubleValue() < STOP_STEP) {
                break;
            }
        }
        return new LogisticRegression(mean, scale, beta);
    }

    /** {@code P(label = 1 | x)} per row, {@code [n, 1]}, DOUBLE. */
    public INDArray probabilities(INDArray features) {
        INDArray design = withIntercept(features.castTo(DataType.DOUBLE).subRowVector(mean).diviRowVector(scale));
        return Transforms.sigmoid(design.mmul(coefficients), false);
    }

    private static INDArray withIntercept(INDArray standardised) {
        return Nd4j.hstack(standardised, Nd4j.ones(DataType.DOUBLE, standardised.rows(), 1));
    }

    /** The largest eigenvalue of {@code X^T diag(s) X} by power iteration from a fixed start; s sums to 1. */
    private static double largestEigenvalue(INDArray design, INDArray s) {
        INDArray v = Nd4j.ones(DataType.DOUBLE, design.columns(), 1);
        v.divi(v.norm2Number());
        double value = 0;
        for (int i = 0; i < POWER_ITERATIONS; i++) {
            INDArray next = design.transpose().mmul(design.mmul(v).muli(s));
            value = next.norm2Number().doubleValue();
            if (value == 0) {
                return 0;
            }
            v = next.divi(value);
        }
        return value;
    }
}
