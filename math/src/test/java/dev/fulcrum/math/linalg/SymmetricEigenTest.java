package dev.fulcrum.math.linalg;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymmetricEigenTest {

    private static final INDArray MATRIX = Nd4j.create(new double[][] {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 1}});

    @Test
    void decomposesWithEigenvaluesLargestFirst() {
        SymmetricEigen eigen = SymmetricEigen.of(MATRIX);
        double[] values = eigen.values().toDoubleVector();
        assertEquals(3, values.length);
        assertTrue(values[0] >= values[1] && values[1] >= values[2]);
        assertEquals(8.0, values[0] + values[1] + values[2], 1e-12);
        INDArray v = eigen.vectors();
        assertEquals(0, MATRIX.mmul(v).sub(v.mulRowVector(eigen.values())).norm2Number().doubleValue(), 1e-12);
        assertEquals(0, v.transpose().mmul(v).sub(Nd4j.eye(3)).norm2Number().doubleValue(), 1e-12);
        assertArrayEquals(v.getColumn(0).toDoubleVector(), eigen.leadingVectors(1).getColumn(0).toDoubleVector(), 0);
    }

    @Test
    void squareRootAndInverseSquareRoot() {
        SymmetricEigen eigen = SymmetricEigen.of(MATRIX);
        INDArray root = eigen.power(0.5);
        assertEquals(0, root.mmul(root).sub(MATRIX).norm2Number().doubleValue(), 1e-12);
        INDArray inverseRoot = eigen.power(-0.5);
        assertEquals(0, inverseRoot.mmul(MATRIX).mmul(inverseRoot).sub(Nd4j.eye(3)).norm2Number().doubleValue(), 1e-12);
    }

    @Test
    void refusesANegativePowerOfASingularMatrix() {
        INDArray singular = Nd4j.create(new double[][] {{1, 1}, {1, 1}});
        assertThrows(ArithmeticException.class, () -> SymmetricEigen.of(singular).power(-0.5));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(Nd4j.zeros(2, 3)));
    }
}
