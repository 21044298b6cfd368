package dev.fulcrum.math.representation;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LEEP, the log expected empirical prediction (Nguyen et al. 2020, "LEEP: A New Measure to Evaluate
 * Transferability of Learned Representations", arXiv 2002.12462, Eq. 2): a source head's class
 * probabilities {@code theta(x_i)} on target rows give the empirical joint
 * {@code P(y, z) = 1/n sum_i theta_z(x_i) [y_i = y]} of target label {@code y} and source class
 * {@code z}; the "expected empirical predictor" {@code p(y | x) = sum_z P(y | z) theta_z(x)} is scored
 * by its mean log-likelihood of the target labels. At most 0; higher is better.
 */
@Experimental
public final class Leep {

    /** How far a row of probabilities may sum from 1 (a float softmax's rounding). */
    private static final double SUM_TOLERANCE = 1e-3;

    private Leep() {
    }

    /**
     * @param sourceProbabilities {@code [n, z]}: each row the source head's probabilities over its {@code z} classes
     * @param labels              each row's target class in {@code [0, classes)}
     */
    public static double score(INDArray sourceProbabilities, int[] labels, int classes) {
        RowLabels.check(sourceProbabilities, labels, classes);
        double[][] theta = sourceProbabilities.castTo(DataType.DOUBLE).toDoubleMatrix();
        int n = theta.length;
        int sourceClasses = theta[0].length;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (double p : theta[i]) {
                if (!(p >= 0)) {
                    throw new IllegalArgumentException("row " + i + " of the source probabilities has " + p);
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new IllegalArgumentException("row " + i + " of the source probabilities sums to " + sum + ", not 1");
            }
        }
        double[][] joint = new double[classes][sourceClasses];
        double[] source = new double[sourceClasses];
        for (int i = 0; i < n; i++) {
            for (int z = 0; z < sourceClasses; z++) {
                joint[labels[i]][z] += theta[i][z] / n;
                source[z] += theta[i][z] / n;
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double expected = 0;
            for (int z = 0; z < sourceClasses; z++) {
                // A source class no row gives any probability to has P(z) = 0 and theta_z(x_i) = 0: it adds nothing.
                if (source[z] > 0) {
                    expected += joint[labels[i]][z] / source[z] * theta[i][z];
                }
            }
            sum += Math.log(expected);
        }
        return sum / n;
    }
}
