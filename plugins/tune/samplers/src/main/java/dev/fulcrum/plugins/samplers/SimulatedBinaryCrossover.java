package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.FloatParameter;

import java.util.SplittableRandom;

/**
 * Simulated binary crossover of one float (Deb and Agrawal, "Simulated binary crossover for
 * continuous search space", Complex Systems 9, 1995), in its bounded form, which keeps children
 * inside the range by scaling the spread distribution to each side's room (Deb's NSGA-II reference
 * code, {@code realcross}). Children fall near the parents, the nearer the larger {@code eta}; a log
 * range crosses in log space. Of the two children one is kept, either with chance one half.
 */
final class SimulatedBinaryCrossover {

    private SimulatedBinaryCrossover() {
    }

    static double child(FloatParameter range, double first, double second, double eta, SplittableRandom random) {
        double low = scale(range, range.low());
        double high = scale(range, range.high());
        double y1 = Math.min(scale(range, first), scale(range, second));
        double y2 = Math.max(scale(range, first), scale(range, second));
        if (y2 - y1 < 1e-14) {
            return first;
        }
        double u = random.nextDouble();
        double child = random.nextDouble() < 0.5
                ? 0.5 * (y1 + y2 - spread(1 + 2 * (y1 - low) / (y2 - y1), eta, u) * (y2 - y1))
                : 0.5 * (y1 + y2 + spread(1 + 2 * (high - y2) / (y2 - y1), eta, u) * (y2 - y1));
        child = Math.min(high, Math.max(low, child));
        double value = range.log() ? Math.exp(child) : child;
        return Math.min(range.high(), Math.max(range.low(), value));
    }

    /**
     * The spread factor for a uniform {@code u}, drawn from SBX's polynomial density with its tail
     * beyond {@code beta} (the room on that side, in units of half the parents' distance) cut off.
     */
    private static double spread(double beta, double eta, double u) {
        double alpha = 2 - Math.pow(beta, -(eta + 1));
        return u <= 1 / alpha
                ? Math.pow(u * alpha, 1 / (eta + 1))
                : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }

    private static double scale(FloatParameter range, double value) {
        return range.log() ? Math.log(value) : value;
    }
}
