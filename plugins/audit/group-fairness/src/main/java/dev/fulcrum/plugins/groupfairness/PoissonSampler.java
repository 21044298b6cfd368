package dev.fulcrum.plugins.groupfairness;

import java.util.SplittableRandom;

/**
 * Poisson random numbers: Knuth's multiplication method for small means, and Hörmann's transformed
 * rejection with squeeze, PTRS (W. Hörmann, "The transformed rejection method for generating Poisson
 * random variables", Insurance: Mathematics and Economics 12, 1993), from a mean of 10 up; numpy
 * uses the same pair.
 */
final class PoissonSampler {

    private static final double PTRS_FROM = 10;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final SplittableRandom random;

    PoissonSampler(SplittableRandom random) {
        this.random = random;
    }

    long next(double mean) {
        if (mean <= 0) {
            return 0;
        }
        return mean < PTRS_FROM ? multiplication(mean) : transformedRejection(mean);
    }

    private long multiplication(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private long transformedRejection(double mean) {
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double acceptAt = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= acceptAt) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    /** {@code ln k!}: exact below 20, Stirling's series (error below 1e-12) from there. */
    static double logFactorial(long k) {
        if (k < 20) {
            double sum = 0;
            for (long i = 2; i <= k; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
        double x = k + 1.0;
        double inverse = 1 / x;
        double inverseSquared = inverse * inverse;
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI
                + inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
    }
}
