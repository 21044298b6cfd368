package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import org.apache.commons.math3.random.SobolSequenceGenerator;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Quasi-random search: trial {@code n} takes point {@code skip + n} of the Sobol sequence (Sobol
 * 1967), one coordinate per parameter, with the direction numbers of Joe and Kuo (2008) as
 * commons-math3's {@link SobolSequenceGenerator} holds them (up to 1000 parameters). The first
 * {@code 2^k} points of two coordinates put one point in each of the {@code 2^k} cells of any
 * {@code 2^a x 2^b} grid with {@code a + b = k}, which covers a space more evenly than random points.
 * Scrambled, every point moves by one vector modulo 1 (Cranley and Patterson 1976), so
 * that studies with different seeds try different points yet keep the sequence's evenness.
 */
final class SobolSampler implements Sampler {

    /** How many dimensions commons-math3's bundled direction numbers (new-joe-kuo-6.1000) cover. */
    static final int MAX_PARAMETERS = 1000;

    private final long shiftSeed;
    private final boolean shifted;
    private final int skip;

    /** @param shiftSeed the seed of the shift; ignored unless {@code shifted} */
    SobolSampler(boolean shifted, long shiftSeed, int skip) {
        this.shifted = shifted;
        this.shiftSeed = shiftSeed;
        this.skip = skip;
    }

    @Override
    public Map<String, Object> suggest(SearchSpace space, List<Objective> objectives, List<TrialRecord> trials, long trialSeed) {
        int dimensions = space.parameters().size();
        if (dimensions == 0) {
            return Map.of();
        }
        if (dimensions > MAX_PARAMETERS) {
            throw new InvalidInputException("sobol: the space has " + dimensions + " parameters, more than the "
                    + MAX_PARAMETERS + " its direction numbers cover");
        }
        long index = (long) skip + trials.size();
        if (index > Integer.MAX_VALUE) {
            throw new IllegalStateException("sobol: point " + index + " is past the sequence's " + Integer.MAX_VALUE);
        }
        double[] point = new SobolSequenceGenerator(dimensions).skipTo((int) index);
        if (shifted) {
            SplittableRandom random = new SplittableRandom(shiftSeed);
            for (int i = 0; i < dimensions; i++) {
                double moved = point[i] + random.nextDouble();
                point[i] = moved >= 1 ? moved - 1 : moved;
            }
        }
        return UniformDraws.fromUnit(space, point);
    }
}
