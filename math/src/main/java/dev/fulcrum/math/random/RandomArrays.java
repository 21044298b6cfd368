package dev.fulcrum.math.random;

import dev.fulcrum.api.Stable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded random numbers for augmenters and feature extractors: whole FLOAT arrays drawn by ND4J's
 * native generator, and the few per-row draws (permutations, mixing shares) made in Java. The same
 * seed gives the same numbers, whatever else runs in the JVM, because no global generator is used.
 */
@Stable
public final class RandomArrays {

    private RandomArrays() {
    }

    /** Standard normal values. */
    public static INDArray gaussian(long seed, long... shape) {
        INDArray values = Nd4j.createUninitialized(DataType.FLOAT, shape);
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        try {
            Nd4j.randn(0, 1, values, random);
        } finally {
            release(random);
        }
        return values;
    }

    /** Values uniform in {@code [from, to)}. */
    public static INDArray uniform(long seed, double from, double to, long... shape) {
        INDArray values = Nd4j.createUninitialized(DataType.FLOAT, shape);
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        try {
            Nd4j.rand(values, random);
        } finally {
            release(random);
        }
        return values.muli(to - from).addi(from);
    }

    /** Frees the generator's native state now rather than when the garbage collector gets to it. */
    private static void release(Random random) {
        try {
            random.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot release ND4J's random generator", e);
        }
    }

    /** A uniformly random order of {@code 0..n-1}. */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return shuffle(order, random);
    }

    /** Puts {@code values} in a uniformly random order, in place (Fisher and Yates; Knuth's algorithm P), and returns them. */
    public static int[] shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    /**
     * {@code count} of {@code values} drawn without replacement, kept in their order in {@code values}; all of them
     * (a copy) where there are no more than {@code count}.
     */
    public static int[] sample(int[] values, int count, SplittableRandom random) {
        if (values.length <= count) {
            return values.clone();
        }
        int[] positions = Arrays.copyOf(permutation(values.length, random), count);
        Arrays.sort(positions);
        return Arrays.stream(positions).map(position -> values[position]).toArray();
    }

    /**
     * {@code n} draws from Beta(a, b) as a column {@code [n, 1]}: {@code X / (X + Y)} with
     * {@code X ~ Gamma(a)}, {@code Y ~ Gamma(b)}.
     */
    public static INDArray beta(double a, double b, int n, SplittableRandom random) {
        if (!(a > 0) || !(b > 0)) {
            throw new IllegalArgumentException("Beta parameters must be positive, got " + a + ", " + b);
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            double x = gamma(a, random);
            double y = gamma(b, random);
            values[i] = (float) (x + y > 0 ? x / (x + y) : random.nextInt(2));
        }
        return Nd4j.create(values, new long[] {n, 1}, DataType.FLOAT);
    }

    /**
     * Gamma(shape, 1) by Marsaglia and Tsang, "A simple method for generating gamma variables" (ACM TOMS
     * 26(3), 2000); for shape below 1 it boosts the shape by one and scales by {@code U^(1/shape)}.
     */
    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A standard normal draw by the polar method (Marsaglia and Bray 1964). */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
