package dev.fulcrum.math.stats;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MaximumMeanDiscrepancyTest {

    private static double[][] gaussianRows(int rows, int columns, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int j = 0; j < columns; j++) {
                row[j] = shift + random.nextGaussian();
            }
        }
        return values;
    }

    private static double gaussianKernel(double[] x, double[] y, double squaredBandwidth) {
        double distance = 0;
        for (int j = 0; j < x.length; j++) {
            distance += (x[j] - y[j]) * (x[j] - y[j]);
        }
        return Math.exp(-distance / (2 * squaredBandwidth));
    }

    /** Gretton et al. 2012, Lemma 6: the unbiased MMD^2 as sums over pairs, written out. */
    private static double unbiasedByLoops(double[][] x, double[][] y, double squaredBandwidth) {
        double xx = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                xx += i == j ? 0 : gaussianKernel(x[i], x[j], squaredBandwidth);
            }
        }
        double yy = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                yy += i == j ? 0 : gaussianKernel(y[i], y[j], squaredBandwidth);
            }
        }
        double xy = 0;
        for (double[] a : x) {
            for (double[] b : y) {
                xy += gaussianKernel(a, b, squaredBandwidth);
            }
        }
        return xx / (x.length * (x.length - 1.0)) + yy / (y.length * (y.length - 1.0)) - 2 * xy / (x.length * (double) y.length);
    }

    @Test
    void equalWeightsGiveTheUnbiasedEstimatorOfGretton() {
        double[][] x = gaussianRows(7, 3, 0, 1);
        double[][] y = gaussianRows(5, 3, 0.8, 2);
        double mmd = MaximumMeanDiscrepancy.rbf(Nd4j.create(x), Nd4j.ones(7, 1), Nd4j.create(y), Nd4j.ones(5, 1), 1.7);
        assertEquals(unbiasedByLoops(x, y, 1.7), mmd, 1e-12);
    }

    @Test
    void weightsScaleFreelyAndAZeroWeightDropsItsRow() {
        double[][] x = gaussianRows(6, 2, 0, 3);
        double[][] y = gaussianRows(4, 2, 1, 4);
        INDArray xWeights = Nd4j.create(new double[] {1, 2, 0.5, 1, 3, 0}, new long[] {6, 1});
        INDArray yWeights = Nd4j.create(new double[] {1, 1, 2, 1}, new long[] {4, 1});
        double weighted = MaximumMeanDiscrepancy.rbf(Nd4j.create(x), xWeights, Nd4j.create(y), yWeights, 2);
        double scaled = MaximumMeanDiscrepancy.rbf(Nd4j.create(x), xWeights.mul(7), Nd4j.create(y), yWeights.mul(0.25), 2);
        assertEquals(weighted, scaled, 1e-12);
        INDArray firstFive = Nd4j.create(x).getRows(0, 1, 2, 3, 4);
        double dropped = MaximumMeanDiscrepancy.rbf(firstFive, xWeights.getRows(0, 1, 2, 3, 4), Nd4j.create(y), yWeights, 2);
        assertEquals(weighted, dropped, 1e-12);

        double linear = MaximumMeanDiscrepancy.linear(Nd4j.create(x), xWeights, Nd4j.create(y), yWeights);
        assertEquals(linear, MaximumMeanDiscrepancy.linear(firstFive, xWeights.getRows(0, 1, 2, 3, 4), Nd4j.create(y), yWeights), 1e-12);
    }

    /** Rows (0, 0) and (3, 4) against (0, 0) alone: the means are (1.5, 2) apart, 6.25 squared. */
    @Test
    void linearIsTheSquaredDistanceOfTheMeans() {
        INDArray a = Nd4j.create(new double[][] {{0, 0}, {3, 4}});
        INDArray b = Nd4j.create(new double[][] {{0, 0}});
        assertEquals(6.25, MaximumMeanDiscrepancy.linear(a, Nd4j.ones(2), b, Nd4j.ones(1)), 1e-12);
    }

    /** Points 0, 1, 3 have squared distances 1, 9, 4 (median 4); adding 7 gives 1, 4, 9, 16, 36, 49 (median 12.5). */
    @Test
    void medianSquaredDistanceOfOddAndEvenCountsOfPairs() {
        assertEquals(4, MaximumMeanDiscrepancy.medianSquaredDistance(Nd4j.create(new double[][] {{0}, {1}, {3}})), 1e-12);
        assertEquals(12.5, MaximumMeanDiscrepancy.medianSquaredDistance(Nd4j.create(new double[][] {{0}, {1}, {3}, {7}})), 1e-12);
    }

    @Test
    void badArgumentsAreRefused() {
        INDArray rows = Nd4j.create(new double[][] {{0, 1}, {1, 0}});
        assertThrows(IllegalArgumentException.class, () -> MaximumMeanDiscrepancy.rbf(rows, Nd4j.ones(2), rows, Nd4j.ones(2), 0));
        assertThrows(IllegalArgumentException.class, () -> MaximumMeanDiscrepancy.rbf(rows, Nd4j.ones(3), rows, Nd4j.ones(2), 1));
        assertThrows(IllegalArgumentException.class, () -> MaximumMeanDiscrepancy.medianSquaredDistance(Nd4j.create(new double[][] {{1, 2}})));
    }
}
