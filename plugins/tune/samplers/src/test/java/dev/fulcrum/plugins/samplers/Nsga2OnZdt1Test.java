package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.tune.TrialSeeds;
import dev.fulcrum.math.pareto.NonDominatedSort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NSGA-II on ZDT1 (Zitzler, Deb and Thiele, "Comparison of multiobjective evolutionary algorithms:
 * empirical results", Evolutionary Computation 8(2), 2000): 30 variables in [0, 1], f1 = x1,
 * g = 1 + 9 mean(x2..x30), f2 = g (1 - sqrt(f1 / g)), both minimised; the true front is g = 1,
 * f2 = 1 - sqrt(f1). The front found after 40 generations of 50 must come close to it, and much
 * closer than random search with the same 2000 trials.
 */
class Nsga2OnZdt1Test {

    private static final List<Objective> OBJECTIVES = List.of(
            new Objective("f1", Direction.MINIMIZE), new Objective("f2", Direction.MINIMIZE));
    private static final SearchSpace SPACE = zdt1Space();
    private static final int TRIALS = 2000;
    private static final int SEEDS = 5;

    private static SearchSpace zdt1Space() {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            parameters.add(new FloatParameter("x" + i, 0, 1, false, null, Map.of()));
        }
        return new SearchSpace(parameters);
    }

    /**
     * Measured (5 study seeds, 2000 trials each): random search's front lies 2.39 to 2.89 from the
     * true front (median 2.55: its best points have g near 3.5); NSGA-II's lies 0.24 to 0.36 with
     * uniform crossover (median 0.28) and 0.35 to 0.47 with SBX (median 0.42). The bound on the
     * median, 0.5, is a fifth of random search's distance and above the worst seed measured with
     * either crossover; NSGA-II must also be at least four times closer than random search. The
     * whole class (11 studies of 2000 trials) takes 7 to 13 s here.
     */
    private static final double BOUND = 0.5;

    private static double[] randomSearch;

    @BeforeAll
    static void randomSearchWithTheSameBudget() {
        randomSearch = distances(seed -> new RandomSamplerFactory().create(new RandomSamplerParams(), null));
    }

    @Test
    void theDefaultUniformCrossoverApproachesTheTrueFront() {
        assertApproaches(Nsga2SamplerParams.UNIFORM);
    }

    @Test
    void simulatedBinaryCrossoverApproachesTheTrueFront() {
        assertApproaches(Nsga2SamplerParams.SBX);
    }

    private static void assertApproaches(String crossover) {
        double[] nsga2 = distances(seed -> new Nsga2SamplerFactory().create(
                new Nsga2SamplerParams(50, null, crossover, null, null), StudyContexts.seeded(seed)));
        String figures = crossover + ": distances by study seed 0.." + (SEEDS - 1) + ": NSGA-II " + Arrays.toString(nsga2)
                + ", random search " + Arrays.toString(randomSearch);
        assertTrue(median(nsga2) < BOUND, figures);
        assertTrue(4 * median(nsga2) < median(randomSearch), figures);
    }

    private static double[] distances(LongFunction<Sampler> samplerOfStudy) {
        double[] distances = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            distances[seed] = generationalDistance(study(samplerOfStudy.apply(seed), seed));
        }
        return distances;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<TrialRecord> study(Sampler sampler, long studySeed) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < TRIALS; n++) {
            Map<String, Object> params = sampler.suggest(SPACE, OBJECTIVES, trials, TrialSeeds.of(studySeed, n));
            double[] f = zdt1(params);
            trials.add(new TrialRecord(n, TrialState.COMPLETE, params, Map.of("f1", f[0], "f2", f[1]), true, new TreeMap<>(),
                    null, null, "test", Instant.EPOCH, Instant.EPOCH));
        }
        return trials;
    }

    private static double[] zdt1(Map<String, Object> params) {
        double f1 = (Double) params.get("x1");
        double sum = 0;
        for (int i = 2; i <= 30; i++) {
            sum += (Double) params.get("x" + i);
        }
        double g = 1 + 9 * sum / 29;
        return new double[]{f1, g * (1 - Math.sqrt(f1 / g))};
    }

    /** Generational distance as a mean: the mean Euclidean distance from the study's non-dominated front to the true front. */
    private static double generationalDistance(List<TrialRecord> trials) {
        double[][] points = trials.stream().map(t -> new double[]{t.values().get("f1"), t.values().get("f2")}).toArray(double[][]::new);
        List<Integer> front = NonDominatedSort.fronts(points).get(0);
        return front.stream().mapToDouble(i -> distanceToTrueFront(points[i])).average().orElseThrow();
    }

    private static double distanceToTrueFront(double[] point) {
        double best = Double.POSITIVE_INFINITY;
        int samples = 20_000;
        for (int k = 0; k <= samples; k++) {
            // Denser near f1 = 0, where the true front is steep.
            double f1 = Math.pow((double) k / samples, 2);
            double d1 = point[0] - f1;
            double d2 = point[1] - (1 - Math.sqrt(f1));
            best = Math.min(best, d1 * d1 + d2 * d2);
        }
        return Math.sqrt(best);
    }
}
