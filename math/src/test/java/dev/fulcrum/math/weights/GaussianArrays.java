package dev.fulcrum.math.weights;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Parameter arrays for the weight-space tests: seeded Gaussian values with standard deviation 3. */
final class GaussianArrays {

    private GaussianArrays() {
    }

    static INDArray of(Random random, int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 3);
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.FLOAT);
    }
}
