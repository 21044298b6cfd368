package dev.fulcrum.plugins.groupfairness;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PoissonSamplerTest {

    @Test
    void meanAndVarianceMatchForSmallAndLargeMeans() {
        PoissonSampler sampler = new PoissonSampler(new SplittableRandom(11));
        for (double mean : new double[] {0.5, 3, 9.5, 10, 47, 1_000, 1_000_000}) {
            int draws = 40_000;
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < draws; i++) {
                long k = sampler.next(mean);
                sum += k;
                sumSquares += (double) k * k;
            }
            double sampleMean = sum / draws;
            double sampleVariance = sumSquares / draws - sampleMean * sampleMean;
            // the sample mean's standard error is sqrt(mean / draws); allow five of them
            assertEquals(mean, sampleMean, 5 * Math.sqrt(mean / draws), "mean " + mean);
            assertEquals(mean, sampleVariance, 0.05 * mean + 0.02, "variance at mean " + mean);
        }
    }

    @Test
    void probabilityOfZeroMatchesForAModerateMean() {
        PoissonSampler sampler = new PoissonSampler(new SplittableRandom(5));
        int zeros = 0;
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            if (sampler.next(2) == 0) {
                zeros++;
            }
        }
        assertEquals(Math.exp(-2), (double) zeros / draws, 0.004);
    }

    @Test
    void logFactorialIsExactBelowTwentyAndStirlingAbove() {
        assertEquals(Math.log(120), PoissonSampler.logFactorial(5), 1e-12);
        double exact = 0;
        for (int i = 2; i <= 30; i++) {
            exact += Math.log(i);
        }
        assertEquals(exact, PoissonSampler.logFactorial(30), 1e-9);
    }
}
