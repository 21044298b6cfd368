package dev.fulcrum.math.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How well predicted class probabilities match how often the predictions are right, on a set of
 * labelled rows:
 * <ul>
 *   <li>expected calibration error of the top label (Guo, Pleiss, Sun and Weinberger, "On
 *       calibration of modern neural networks", ICML 2017, eq. 3): the rows are binned by the
 *       probability of their most probable class into equal-width bins {@code ((m-1)/M, m/M]}, and
 *       {@code ECE = sum_m |B_m| / n * |accuracy(B_m) - confidence(B_m)|};</li>
 *   <li>the Brier score in its original multi-class form (Brier, "Verification of forecasts
 *       expressed in terms of probability", Monthly Weather Review 78, 1950): the mean over rows of
 *       {@code sum_c (p_c - [y = c])^2}, from 0 (certain and right) to 2;</li>
 *   <li>the negative log-likelihood: the mean of {@code -ln p_y}, with {@code p_y} clipped below
 *       at {@value #EPSILON}, as scikit-learn's {@code log_loss} clips.</li>
 * </ul>
 * The most probable class of a row is the first of its highest probabilities, as an argmax gives.
 *
 * @param bins the reliability diagram: one entry per bin, in order of confidence
 */
public record Calibration(double ece, double brier, double nll, List<Bin> bins) {

    /** Bins of the expected calibration error unless a caller chooses otherwise (Guo et al. use 15). */
    public static final int DEFAULT_BINS = 15;

    /** Probabilities below this are clipped before the log. */
    public static final double EPSILON = 1e-7;

    public Calibration {
        bins = List.copyOf(bins);
    }

    /**
     * One bin of the reliability diagram: the rows whose top-label probability lies in
     * {@code (lower, upper]}; {@code confidence} (their mean top-label probability) and
     * {@code accuracy} (the share of them predicted right) are {@code NaN} for an empty bin.
     */
    public record Bin(double lower, double upper, int count, double confidence, double accuracy) {
    }

    /**
     * @param probabilities one row of class probabilities per labelled row
     * @param labels        the true class of each row
     * @param binCount      bins of the expected calibration error
     */
    public static Calibration of(float[][] probabilities, int[] labels, int binCount) {
        if (probabilities.length != labels.length) {
            throw new IllegalArgumentException(probabilities.length + " rows of probabilities for " + labels.length + " labels");
        }
        if (binCount < 1) {
            throw new IllegalArgumentException("at least one bin, got " + binCount);
        }
        int[] count = new int[binCount];
        double[] confidenceSum = new double[binCount];
        int[] correct = new int[binCount];
        double brier = 0;
        for (int i = 0; i < labels.length; i++) {
            float[] p = probabilities[i];
            int top = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[top]) {
                    top = c;
                }
            }
            int bin = Math.min(binCount - 1, Math.max(0, (int) Math.ceil((double) p[top] * binCount) - 1));
            count[bin]++;
            confidenceSum[bin] += p[top];
            if (top == labels[i]) {
                correct[bin]++;
            }
            for (int c = 0; c < p.length; c++) {
                double miss = p[c] - (c == labels[i] ? 1.0 : 0.0);
                brier += miss * miss;
            }
        }
        int n = labels.length;
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            double confidence = count[b] == 0 ? Double.NaN : confidenceSum[b] / count[b];
            double accuracy = count[b] == 0 ? Double.NaN : (double) correct[b] / count[b];
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, count[b], confidence, accuracy));
            if (count[b] > 0) {
                ece += (double) count[b] / n * Math.abs(accuracy - confidence);
            }
        }
        return new Calibration(n == 0 ? Double.NaN : ece, n == 0 ? Double.NaN : brier / n,
                negativeLogLikelihood(probabilities, labels), Collections.unmodifiableList(bins));
    }

    /** The mean of {@code -ln p_y} over the rows, {@code p_y} clipped at {@value #EPSILON}; {@code NaN} without rows. */
    public static double negativeLogLikelihood(float[][] probabilities, int[] labels) {
        double loss = 0;
        for (int i = 0; i < labels.length; i++) {
            loss -= Math.log(Math.max(EPSILON, probabilities[i][labels[i]]));
        }
        return labels.length == 0 ? Double.NaN : loss / labels.length;
    }
}
