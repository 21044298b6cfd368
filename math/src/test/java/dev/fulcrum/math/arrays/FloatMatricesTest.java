package dev.fulcrum.math.arrays;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FloatMatricesTest {

    @Test
    void holdsTheValuesRowByRowAsNd4jCreateDoes() {
        float[] values = new float[3 * 7];
        Random random = new Random(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 200 - 100;
        }
        INDArray matrix = FloatMatrices.rowMajor(values, 3, 7);
        assertArrayEquals(new long[] {3, 7}, matrix.shape());
        assertEquals(DataType.FLOAT, matrix.dataType());
        assertEquals('c', matrix.ordering());
        assertEquals(values[7 + 4], matrix.getFloat(1, 4));
        assertEquals(Nd4j.create(values, new long[] {3, 7}, DataType.FLOAT), matrix);
        float first = values[0];
        values[0] = 12345;
        assertEquals(first, matrix.getFloat(0, 0), "a copy, not a view of the array");
    }

    @Test
    void theShapeMustHoldEveryValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FloatMatrices.rowMajor(new float[5], 2, 3));
        assertEquals("5 values do not make a 2 x 3 matrix", e.getMessage());
        assertArrayEquals(new long[] {0, 3}, FloatMatrices.rowMajor(new float[0], 0, 3).shape());
    }
}
