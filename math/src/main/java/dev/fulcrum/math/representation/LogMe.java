package dev.fulcrum.math.representation;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.math.linalg.SymmetricEigen;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * LogME (You et al. 2021, "LogME: Practical Assessment of Pre-trained Models for Transfer Learning",
 * arXiv 2102.11005): how well features suit a classification task without training on it. Per class
 * {@code k}, the one-hot column {@code y_k} is modelled as {@code F w + noise}, with a Gaussian prior
 * {@code w ~ N(0, I / alpha)} and noise {@code N(0, 1 / beta)}; the log evidence
 * {@code log p(y_k | F, alpha, beta)} is maximised over alpha and beta by the paper's fixed-point
 * iteration (Algorithm 1: {@code gamma = sum beta s_i / (alpha + beta s_i)}, {@code alpha = gamma / |m|^2},
 * {@code beta = (n - gamma) / |F m - y|^2}, {@code s_i} the eigenvalues of {@code F^T F}). The score is the
 * maximised evidence divided by the rows, averaged over classes; higher is better. Features are used as
 * given (no centring, no intercept), as in the paper.
 *
 * <p>One eigendecomposition serves every class and iteration: of {@code F^T F} when there are more rows
 * than features, else of {@code F F^T}, so the cost is {@code O(n d min(n, d))} once. Iteration stops when
 * {@code alpha / beta} changes by less than {@value #TOLERANCE} relatively (the paper's reference code stops
 * at 1e-2 and 11 steps; the tighter stop makes the score reproducible to many digits). Where the maximum
 * lies at a boundary (features that say nothing of a class, or fit it exactly, as more features than rows
 * can), the score is the evidence's limit there.
 */
@Experimental
public final class LogMe {

    private static final double TOLERANCE = 1e-10;
    /**
     * Where {@code alpha / beta} leaves {@code [s_min / 1e12, s_max * 1e12]}, the evidence is within about
     * 1e-12 of its limit at the boundary ({@code alpha} or {@code beta} infinite), and the iteration stops there.
     */
    private static final double BOUNDARY = 1e-12;
    private static final int MAX_ITERATIONS = 500;
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /** The eigenvalues above rounding of the smaller Gram matrix, and per class the squared projections of y_k on the matching left singular vectors of F. */
    private final double[] spectrum;
    private final double[][] squaredProjections;
    /** Per class its rows, {@code |y_k|^2}. */
    private final int[] classSizes;
    private final long rows;

    private LogMe(double[] spectrum, double[][] squaredProjections, int[] classSizes, long rows) {
        this.spectrum = spectrum;
        this.squaredProjections = squaredProjections;
        this.classSizes = classSizes;
        this.rows = rows;
    }

    /**
     * @param features {@code [n, d]}, one row per labelled row
     * @param labels   a class in {@code [0, classes)} per row
     * @return the mean over classes of the maximised log evidence per row
     */
    public static double score(INDArray features, int[] labels, int classes) {
        return of(features, labels, classes).score();
    }

    private static LogMe of(INDArray features, int[] labels, int classes) {
        RowLabels.check(features, labels, classes);
        INDArray f = features.castTo(DataType.DOUBLE);
        long n = f.rows();
        long d = f.columns();
        boolean moreRowsThanFeatures = n > d;
        INDArray gram = moreRowsThanFeatures ? f.transpose().mmul(f) : f.mmul(f.transpose());
        SymmetricEigen eigen = SymmetricEigen.of(gram);
        double[] values = eigen.values().toDoubleVector();
        // Eigenvalues within rounding of 0 (LAPACK's relative accuracy times the size) count as 0.
        double floor = Math.ulp(values[0]) * Math.max(n, d) * 4;
        int kept = 0;
        while (kept < values.length && values[kept] > floor) {
            kept++;
        }
        if (kept == 0) {
            throw new IllegalArgumentException("LogME needs features that are not all zero");
        }
        double[] spectrum = Arrays.copyOf(values, kept);
        INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, n, classes);
        for (int i = 0; i < n; i++) {
            oneHot.putScalar(i, labels[i], 1.0);
        }
        INDArray leading = eigen.leadingVectors(kept);
        // U^T y: with F^T F = V S V^T, the left singular vectors are U = F V S^-1/2.
        INDArray projections = moreRowsThanFeatures
                ? leading.transpose().mmul(f.transpose().mmul(oneHot))
                : leading.transpose().mmul(oneHot);
        double[][] squared = new double[classes][kept];
        for (int i = 0; i < kept; i++) {
            double scale = moreRowsThanFeatures ? 1 / spectrum[i] : 1;
            for (int k = 0; k < classes; k++) {
                double p = projections.getDouble(i, k);
                squared[k][i] = p * p * scale;
            }
        }
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return new LogMe(spectrum, squared, counts, n);
    }

    private double score() {
        double sum = 0;
        for (int k = 0; k < squaredProjections.length; k++) {
            sum += classEvidence(k) / rows;
        }
        return sum / squaredProjections.length;
    }

    /** The log evidence of class {@code k}'s one-hot column at the fixed point of alpha and beta. */
    private double classEvidence(int k) {
        double[] q = squaredProjections[k];
        double outsideSpan = classSizes[k];
        for (double value : q) {
            outsideSpan -= value;
        }
        // |y|^2 minus its part in F's column space; rounding may leave it a hair below 0.
        outsideSpan = Math.max(0, outsideSpan);
        double largestRatio = spectrum[0] / BOUNDARY;
        double smallestRatio = spectrum[spectrum.length - 1] * BOUNDARY;
        double alpha = 1;
        double beta = 1;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Moments moments = moments(q, outsideSpan, alpha, beta);
            double nextAlpha = moments.gamma / moments.squaredWeights;
            double nextBeta = (rows - moments.gamma) / moments.squaredResidual;
            double ratio = nextAlpha / nextBeta;
            if (!(ratio <= largestRatio)) {
                // The features say nothing of the class: the prior wins (m = 0, gamma = 0) as alpha grows without
                // bound, so beta = n / |y|^2.
                beta = (double) rows / classSizes[k];
                alpha = largestRatio * beta;
                break;
            }
            if (!(ratio >= smallestRatio)) {
                // The features fit the class exactly: the noise vanishes as beta grows without bound, m becomes the
                // least-norm solution (|m|^2 = sum q_i / s_i) and gamma the rank.
                double leastNorm = 0;
                for (int i = 0; i < spectrum.length; i++) {
                    leastNorm += q[i] / spectrum[i];
                }
                alpha = spectrum.length / leastNorm;
                beta = alpha / smallestRatio;
                break;
            }
            double change = Math.abs(ratio - alpha / beta) / (alpha / beta);
            alpha = nextAlpha;
            beta = nextBeta;
            if (change < TOLERANCE) {
                break;
            }
        }
        Moments at = moments(q, outsideSpan, alpha, beta);
        // d/2 log alpha - 1/2 log|A| with A's eigenvalues alpha + beta s_i (alpha alone where s_i = 0), kept finite as alpha grows.
        double logDeterminantRatio = 0;
        for (double s : spectrum) {
            logDeterminantRatio += Math.log1p(beta * s / alpha);
        }
        double evidence = rows / 2.0 * Math.log(beta) - rows / 2.0 * LOG_TWO_PI
                - beta / 2 * at.squaredResidual - alpha / 2 * at.squaredWeights - logDeterminantRatio / 2;
        if (!Double.isFinite(evidence)) {
            throw new ArithmeticException("LogME's evidence of class " + k + " is not finite (alpha " + alpha + ", beta " + beta + ")");
        }
        return evidence;
    }

    /** At the posterior mean {@code m = beta A^-1 F^T y}, {@code A = alpha I + beta F^T F}: the effective parameters gamma, |m|^2 and |F m - y|^2. */
    private Moments moments(double[] q, double outsideSpan, double alpha, double beta) {
        double gamma = 0;
        double squaredWeights = 0;
        double squaredResidual = outsideSpan;
        for (int i = 0; i < spectrum.length; i++) {
            double s = spectrum[i];
            double denominator = alpha + beta * s;
            gamma += beta * s / denominator;
            squaredWeights += beta * beta * s * q[i] / (denominator * denominator);
            squaredResidual += q[i] * alpha * alpha / (denominator * denominator);
        }
        return new Moments(gamma, squaredWeights, squaredResidual);
    }

    private record Moments(double gamma, double squaredWeights, double squaredResidual) {
    }
}
