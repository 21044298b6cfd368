package dev.fulcrum.math.arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Float matrices made from Java arrays. */
public final class FloatMatrices {

    private FloatMatrices() {
    }

    /**
     * A {@code rows x columns} FLOAT matrix in C order holding {@code values} (row-major), copied in
     * one bulk copy. {@code Nd4j.create(float[], long[], DataType)} copies element by element in
     * Java: the same million values took 20-30 ms in its first call in a fresh JVM against 3-5 ms
     * here (and about 5 against 3 warm), measured on the audit benchmark's 2-core machine.
     *
     * @throws IllegalArgumentException if {@code values} does not hold exactly {@code rows x columns} values
     */
    public static INDArray rowMajor(float[] values, long rows, long columns) {
        if (rows < 0 || columns < 0 || rows * columns != values.length) {
            throw new IllegalArgumentException(values.length + " values do not make a " + rows + " x " + columns + " matrix");
        }
        INDArray matrix = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, columns}, 'c');
        if (values.length > 0) { // an empty matrix has no buffer to put into
            matrix.data().asNioFloat().put(values);
        }
        return matrix;
    }
}
