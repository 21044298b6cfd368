package dev.fulcrum.math.linalg;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;

/**
 * The eigen-decomposition {@code S = V diag(values) V^T} of a symmetric matrix, in DOUBLE, with the
 * eigenvalues in descending order and the eigenvectors as the columns of {@code V} (LAPACK
 * {@code syev} through ND4J).
 */
@Experimental
public final class SymmetricEigen {

    private final INDArray values;
    private final INDArray vectors;

    private SymmetricEigen(INDArray values, INDArray vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes a square symmetric matrix; the argument is not modified. */
    public static SymmetricEigen of(INDArray symmetric) {
        if (symmetric.rank() != 2 || symmetric.rows() != symmetric.columns()) {
            throw new IllegalArgumentException("expected a square matrix, got shape " + Arrays.toString(symmetric.shape()));
        }
        INDArray vectors = symmetric.castTo(DataType.DOUBLE).dup('c');
        INDArray ascending = Eigen.symmetricGeneralizedEigenvalues(vectors);
        long n = ascending.length();
        long[] descending = new long[(int) n];
        for (int i = 0; i < n; i++) {
            descending[i] = n - 1 - i;
        }
        return new SymmetricEigen(ascending.get(NDArrayIndex.indices(descending)).dup(),
                vectors.get(NDArrayIndex.all(), NDArrayIndex.indices(descending)).dup());
    }

    /** Eigenvalues, largest first, {@code [d]}. */
    public INDArray values() {
        return values;
    }

    /** Unit eigenvectors as columns, in the order of {@link #values()}, {@code [d, d]}. */
    public INDArray vectors() {
        return vectors;
    }

    /** The eigenvectors of the {@code k} largest eigenvalues, as columns {@code [d, k]}. */
    public INDArray leadingVectors(int k) {
        if (k < 1 || k > values.length()) {
            throw new IllegalArgumentException("asked for " + k + " eigenvectors of a " + values.length() + "-dimensional matrix");
        }
        return vectors.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k)).dup();
    }

    public double largest() {
        return values.getDouble(0);
    }

    public double smallest() {
        return values.getDouble(values.length() - 1);
    }

    /**
     * {@code V diag(values^power) V^T}: for a positive definite matrix, its square root
     * ({@code 0.5}) or inverse square root ({@code -0.5}). Eigenvalues below zero by rounding count
     * as zero; a negative power needs every eigenvalue positive.
     */
    public INDArray power(double power) {
        INDArray clamped = Transforms.max(values, 0.0, true);
        if (power < 0 && clamped.minNumber().doubleValue() <= 0) {
            throw new ArithmeticException("a negative power of a singular matrix (smallest eigenvalue " + smallest() + ")");
        }
        INDArray scaled = vectors.mulRowVector(Transforms.pow(clamped, power, false));
        return scaled.mmul(vectors.transpose());
    }
}
