package dev.fulcrum.math.classify;

import dev.fulcrum.api.Experimental;

/**
 * Multinomial (softmax) L2-regularised logistic regression on standardised features. It minimises
 * {@code C * sum_i log-loss_i + |W|^2 / 2} (the intercepts are not penalised), as scikit-learn's
 * {@code LogisticRegression(C, multi_class="multinomial")}, by FISTA (Beck and Teboulle 2009) with
 * step {@code 1/L}; {@code L} bounds the curvature by Böhning's bound on the softmax loss's Hessian
 * ({@code X^T X / 2n}, Böhning 1992, "Multinomial logistic regression algorithm", Ann. Inst. Statist.
 * Math. 44), plus the penalty's. Small problems only (a meta-learner's few columns): plain arrays,
 * {@code O(n d k)} per step.
 */
@Experimental
public final class SoftmaxRegression {

    private static final int POWER_ITERATIONS = 50;
    private static final double STOP_STEP = 1e-8;

    private final double[] mean;
    private final double[] scale;
    /** {@code [d + 1][k]}: one column per class, the last row the intercepts. */
    private final double[][] coefficients;

    private SoftmaxRegression(double[] mean, double[] scale, double[][] coefficients) {
        this.mean = mean;
        this.scale = scale;
        this.coefficients = coefficients;
    }

    /**
     * @param features   {@code [n][d]}
     * @param labels     a class in {@code [0, classes)} per row
     * @param c          inverse regularisation strength, as scikit-learn's {@code C}
     * @param iterations gradient steps
     */
    public static SoftmaxRegression fit(double[][] features, int[] labels, int classes, double c, int iterations) {
        int n = features.length;
        if (n == 0 || labels.length != n) {
            throw new IllegalArgumentException("need one label per row and at least one row, got " + labels.length
                    + " labels for " + n + " rows");
        }
        if (!(c > 0) || iterations < 1 || classes < 2) {
            throw new IllegalArgumentException("C must be positive, iterations at least 1 and classes at least 2");
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is not one of " + classes + " classes");
            }
        }
        int d = features[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : features) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : features) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
        }
        double[][] design = new double[n][];
        for (int i = 0; i < n; i++) {
            design[i] = standardised(features[i], mean, scale);
        }
        double penalty = 1 / (c * n);
        double step = 1 / (largestEigenvalue(design) / (2.0 * n) + penalty);
        double[][] beta = new double[d + 1][classes];
        double[][] momentum = new double[d + 1][classes];
        double t = 1;
        for (int k = 0; k < iterations; k++) {
            double[][] gradient = gradient(design, labels, momentum, penalty);
            double moved = 0;
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            for (int j = 0; j <= d; j++) {
                for (int q = 0; q < classes; q++) {
                    double next = momentum[j][q] - step * gradient[j][q];
                    moved += (next - momentum[j][q]) * (next - momentum[j][q]);
                    momentum[j][q] = next + (t - 1) / tNext * (next - beta[j][q]);
                    beta[j][q] = next;
                }
            }
            t = tNext;
            if (Math.sqrt(moved) < STOP_STEP) {
                break;
            }
        }
        return new SoftmaxRegression(mean, scale, beta);
    }

    /** Class probabilities {@code [n][k]}. */
    public double[][] probabilities(double[][] features) {
        double[][] result = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != mean.length) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length + " features, the model " + mean.length);
            }
            result[i] = softmax(standardised(features[i], mean, scale), coefficients);
        }
        return result;
    }

    /** The standardised row with a 1 appended for the intercept. */
    private static double[] standardised(double[] row, double[] mean, double[] scale) {
        double[] x = new double[row.length + 1];
        for (int j = 0; j < row.length; j++) {
            x[j] = (row[j] - mean[j]) / scale[j];
        }
        x[row.length] = 1;
        return x;
    }

    private static double[] softmax(double[] x, double[][] w) {
        int classes = w[0].length;
        double[] z = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < classes; q++) {
            for (int j = 0; j < x.length; j++) {
                z[q] += x[j] * w[j][q];
            }
            max = Math.max(max, z[q]);
        }
        double sum = 0;
        for (int q = 0; q < classes; q++) {
            z[q] = Math.exp(z[q] - max);
            sum += z[q];
        }
        for (int q = 0; q < classes; q++) {
            z[q] /= sum;
        }
        return z;
    }

    /** The gradient of the mean log-loss plus {@code penalty |W|^2 / 2} (intercepts unpenalised). */
    private static double[][] gradient(double[][] design, int[] labels, double[][] w, double penalty) {
        int n = design.length;
        int d = w.length;
        int classes = w[0].length;
        double[][] g = new double[d][classes];
        for (int i = 0; i < n; i++) {
            double[] p = softmax(design[i], w);
            p[labels[i]] -= 1;
            for (int j = 0; j < d; j++) {
                double x = design[i][j] / n;
                for (int q = 0; q < classes; q++) {
                    g[j][q] += x * p[q];
                }
            }
        }
        for (int j = 0; j < d - 1; j++) {
            for (int q = 0; q < classes; q++) {
                g[j][q] += penalty * w[j][q];
            }
        }
        return g;
    }

    /** The largest eigenvalue of {@code X^T X}, by power iteration from a fixed start, with a 10% margin (it approaches from below). */
    private static double largestEigenvalue(double[][] design) {
        int d = design[0].length;
        double[][] gram = new double[d][d];
        for (double[] x : design) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    gram[a][b] += x[a] * x[b];
                }
            }
        }
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1 / Math.sqrt(d));
        double value = 0;
        for (int k = 0; k < POWER_ITERATIONS; k++) {
            double[] next = new double[d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    next[a] += gram[a][b] * v[b];
                }
            }
            double norm = 0;
            for (double x : next) {
                norm += x * x;
            }
            value = Math.sqrt(norm);
            for (int a = 0; a < d; a++) {
                v[a] = next[a] / (value + Double.MIN_NORMAL);
            }
        }
        return value * 1.1;
    }
}
