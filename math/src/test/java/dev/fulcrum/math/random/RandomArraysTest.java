package dev.fulcrum.math.random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomArraysTest {

    @Test
    void gaussianArraysDependOnlyOnTheSeed() {
        INDArray first = RandomArrays.gaussian(7, 200, 100);
        RandomArrays.gaussian(8, 10);
        assertEquals(first, RandomArrays.gaussian(7, 200, 100));
        assertNotEquals(first, RandomArrays.gaussian(8, 200, 100));
        assertEquals(0, first.meanNumber().doubleValue(), 0.03);
        assertEquals(1, first.stdNumber().doubleValue(), 0.02);
    }

    @Test
    void uniformArraysStayInTheirRange() {
        INDArray values = RandomArrays.uniform(3, -2, 6, 100, 100);
        assertTrue(values.minNumber().doubleValue() >= -2 && values.maxNumber().doubleValue() < 6);
        assertEquals(2, values.meanNumber().doubleValue(), 0.1);
    }

    @Test
    void aSampleKeepsDistinctValuesInTheirOrderAndDependsOnlyOnTheSeed() {
        int[] values = IntStream.range(0, 500).map(i -> 3 * i + 1).toArray();
        int[] sample = RandomArrays.sample(values, 40, new SplittableRandom(9));
        assertEquals(40, sample.length);
        assertEquals(40, Arrays.stream(sample).distinct().count());
        assertArrayEquals(Arrays.stream(sample).sorted().toArray(), sample);
        assertTrue(Arrays.stream(sample).allMatch(value -> value % 3 == 1 && value < 1500));
        assertArrayEquals(sample, RandomArrays.sample(values, 40, new SplittableRandom(9)));
        assertNotEquals(Arrays.toString(sample), Arrays.toString(RandomArrays.sample(values, 40, new SplittableRandom(10))));
        int[] few = {5, 2, 8};
        assertArrayEquals(few, RandomArrays.sample(few, 3, new SplittableRandom(1)));
    }

    @Test
    void permutationsHoldEveryIndexOnce() {
        int[] order = RandomArrays.permutation(1000, new SplittableRandom(5));
        assertArrayEquals(IntStream.range(0, 1000).toArray(), Arrays.stream(order).sorted().toArray());
        assertArrayEquals(order, RandomArrays.permutation(1000, new SplittableRandom(5)));
    }

    /** Shuffling 10, 11, ... moves each value where the same seed's permutation moves its index. */
    @Test
    void aShuffleMovesValuesAsThePermutationMovesIndices() {
        int[] values = IntStream.range(10, 510).toArray();
        int[] shuffled = RandomArrays.shuffle(values, new SplittableRandom(8));
        int[] order = RandomArrays.permutation(500, new SplittableRandom(8));
        for (int i = 0; i < order.length; i++) {
            assertEquals(order[i] + 10, shuffled[i], "position " + i);
        }
        assertSame(values, shuffled, "shuffles in place");
    }

    /** Mean a / (a + b) and variance ab / ((a + b)^2 (a + b + 1)), for shapes above and below 1. */
    @Test
    void betaDrawsHaveTheBetaMeanAndVariance() {
        double[][] shapes = {{0.2, 0.2}, {1, 1}, {2, 5}};
        for (double[] shape : shapes) {
            double a = shape[0];
            double b = shape[1];
            INDArray draws = RandomArrays.beta(a, b, 40_000, new SplittableRandom(11));
            double mean = a / (a + b);
            double variance = a * b / ((a + b) * (a + b) * (a + b + 1));
            assertEquals(mean, draws.meanNumber().doubleValue(), 0.01, "mean of Beta" + Arrays.toString(shape));
            assertEquals(variance, draws.varNumber().doubleValue(), 0.01 * variance + 0.002, "variance of Beta" + Arrays.toString(shape));
            assertTrue(draws.minNumber().doubleValue() >= 0 && draws.maxNumber().doubleValue() <= 1);
        }
    }
}
