package dev.fulcrum.core.threads;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Checks that the native matrix product is right before a run trusts it. A forced
 * {@code OPENBLAS_CORETYPE} that the CPU does not support, or an OpenBLAS kernel that is wrong on a
 * CPU, gives wrong products silently; comparing one small product with a double-precision Java
 * reference catches that at the cost of a millisecond.
 */
public final class BlasCheck {

    /** Float products of this size agree with the reference to about 1e-6; 1e-3 means broken. */
    static final double TOLERANCE = 1e-3;

    private final double maxError;

    private BlasCheck(double maxError) {
        this.maxError = maxError;
    }

    public static BlasCheck run() {
        int m = 67;
        int k = 129;
        int n = 35;
        SplittableRandom random = new SplittableRandom(7);
        double[][] a = random(m, k, random);
        double[][] b = random(k, n, random);
        INDArray product = toFloat(a).mmul(toFloat(b));
        double maxError = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double expected = 0;
                for (int x = 0; x < k; x++) {
                    expected += a[i][x] * b[x][j];
                }
                maxError = Math.max(maxError, Math.abs(expected - product.getDouble(i, j)));
            }
        }
        return new BlasCheck(maxError);
    }

    private static double[][] random(int rows, int columns, SplittableRandom random) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return values;
    }

    private static INDArray toFloat(double[][] values) {
        return Nd4j.create(values).castTo(DataType.FLOAT);
    }

    public double maxError() {
        return maxError;
    }

    public boolean passed() {
        return maxError < TOLERANCE;
    }

    /** Throws when the product is wrong, naming the likely cause. */
    public BlasCheck require() {
        if (!passed()) {
            throw new IllegalStateException(String.format(
                    "the native matrix product is wrong here (max error %.3g against a double-precision reference); "
                            + "OPENBLAS_CORETYPE=%s may not suit this CPU: unset it and run again", maxError, System.getenv("OPENBLAS_CORETYPE")));
        }
        return this;
    }
}
