package dev.fulcrum.math.stats;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CovarianceTest {

    /** numpy.cov(rows, rowvar=False) of these rows is [[1, -1.5], [-1.5, 3]]. */
    private static final INDArray ROWS = Nd4j.create(new float[][] {{1, 4}, {2, 2}, {3, 1}});

    @Test
    void sampleCovarianceMatchesNumpy() {
        INDArray covariance = Covariance.of(ROWS);
        assertArrayEquals(new double[] {1, -1.5}, covariance.getRow(0).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {-1.5, 2.3333333333333335}, covariance.getRow(1).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {2, 2.3333333333333335}, Covariance.mean(ROWS).toDoubleVector(), 1e-12);
    }

    @Test
    void equalWeightsGiveTheSampleCovarianceAndZeroWeightsDropRows() {
        assertEquals(0, Covariance.weighted(ROWS, Nd4j.ones(3).muli(2.5)).sub(Covariance.of(ROWS)).norm2Number().doubleValue(), 1e-12);
        INDArray firstTwo = ROWS.getRows(0, 1);
        INDArray weights = Nd4j.create(new double[] {1, 1, 0});
        assertEquals(0, Covariance.weighted(ROWS, weights).sub(Covariance.of(firstTwo)).norm2Number().doubleValue(), 1e-12);
        assertArrayEquals(Covariance.mean(firstTwo).toDoubleVector(), Covariance.weightedMean(ROWS, weights).toDoubleVector(), 1e-12);
    }
}
