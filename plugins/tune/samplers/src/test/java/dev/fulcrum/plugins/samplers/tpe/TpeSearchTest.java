package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.tune.TrialSeeds;
import dev.fulcrum.math.pareto.Hypervolume;
import dev.fulcrum.plugins.samplers.RandomSamplerFactory;
import dev.fulcrum.plugins.samplers.RandomSamplerParams;
import dev.fulcrum.testkit.ParamsYaml;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TPE on known functions against random search, the constant liar, and conditional parameters. */
class TpeSearchTest {

    private static final Objective LOSS = new Objective("validation.loss", Direction.MINIMIZE);
    private static final Objective GAIN = new Objective("validation.gain", Direction.MAXIMIZE);
    private static final SearchSpace PLANE = new SearchSpace(List.of(
            new FloatParameter("x", -5, 5, false, null, Map.of()), new FloatParameter("y", -5, 5, false, null, Map.of())));
    private static final Sampler RANDOM = new RandomSamplerFactory().create(new RandomSamplerParams(), null);

    private static Sampler tpe(String yaml) {
        return new TpeSamplerFactory().create(ParamsYaml.bind(TpeSamplerParams.class, yaml), null);
    }

    /** (x - 0.3)^2 + (y + 1.2)^2, least 0 at (0.3, -1.2). */
    private static double quadratic(Map<String, Object> params) {
        double x = ((Number) params.get("x")).doubleValue();
        double y = ((Number) params.get("y")).doubleValue();
        return (x - 0.3) * (x - 0.3) + (y + 1.2) * (y + 1.2);
    }

    private static long trialSeed(long studySeed, int number) {
        return TrialSeeds.of(studySeed, number);
    }

    /** A study run in one worker: each trial suggested from those before it, then complete with {@code values}. */
    private static List<TrialRecord> study(Sampler sampler, SearchSpace space, List<Objective> objectives,
                                           Function<Map<String, Object>, double[]> values, long studySeed, int count) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Map<String, Object> params = sampler.suggest(space, objectives, trials, trialSeed(studySeed, n));
            double[] v = values.apply(params);
            Map<String, Double> byMetric = new LinkedHashMap<>();
            for (int i = 0; i < objectives.size(); i++) {
                byMetric.put(objectives.get(i).metric(), v[i]);
            }
            trials.add(Trials.complete(n, params, byMetric));
        }
        return trials;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static double best(List<TrialRecord> trials) {
        return trials.stream().mapToDouble(t -> t.value(LOSS)).min().orElseThrow();
    }

    @Test
    void onAQuadraticTpeFindsABetterMinimumThanRandomSearchWithinThirtyTrialsOnTheMedianOfTenSeeds() {
        double[] randomBest = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            randomBest[seed] = best(study(RANDOM, PLANE, List.of(LOSS), p -> new double[] {quadratic(p)}, seed, 30));
        }
        System.out.printf("quadratic, best after 30 trials, study seeds 0-9%n  random:      %s, median %.5f%n",
                Arrays.toString(randomBest), median(randomBest));
        for (String settings : List.of("{}", "{multivariate: false}")) {
            Sampler tpe = tpe(settings);
            double[] tpeBest = new double[10];
            for (int seed = 0; seed < 10; seed++) {
                tpeBest[seed] = best(study(tpe, PLANE, List.of(LOSS), p -> new double[] {quadratic(p)}, seed, 30));
            }
            System.out.printf("  tpe %s: %s, median %.5f%n", settings, Arrays.toString(tpeBest), median(tpeBest));
            assertTrue(median(tpeBest) < median(randomBest),
                    "tpe " + settings + ": median best " + median(tpeBest) + ", of random search " + median(randomBest));
        }
    }

    /** Two objectives in conflict on the plane: distance to (0.3, -1.2) and distance to (-1, 1), both squared. */
    private static double[] twoDistances(Map<String, Object> params) {
        double x = ((Number) params.get("x")).doubleValue();
        double y = ((Number) params.get("y")).doubleValue();
        return new double[] {-quadratic(params), (x + 1) * (x + 1) + (y - 1) * (y - 1)};
    }

    private static double frontHypervolume(List<TrialRecord> trials) {
        double[][] points = trials.stream().map(t -> new double[] {-t.value(GAIN), t.value(LOSS)}).toArray(double[][]::new);
        return Hypervolume.of(points, new double[] {10, 10});
    }

    @Test
    void onTwoObjectivesTpesFrontDominatesMoreThanRandomSearchsOnTheMedianOfTenSeeds() {
        Sampler tpe = tpe("{}");
        List<Objective> objectives = List.of(GAIN, LOSS);
        double[] tpeVolume = new double[10];
        double[] randomVolume = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            tpeVolume[seed] = frontHypervolume(study(tpe, PLANE, objectives, TpeSearchTest::twoDistances, seed, 40));
            randomVolume[seed] = frontHypervolume(study(RANDOM, PLANE, objectives, TpeSearchTest::twoDistances, seed, 40));
        }
        System.out.printf("two distances, hypervolume below (10, 10) after 40 trials, study seeds 0-9%n  tpe:    %s, median %.4f%n"
                + "  random: %s, median %.4f%n", Arrays.toString(tpeVolume), median(tpeVolume), Arrays.toString(randomVolume), median(randomVolume));
        assertTrue(median(tpeVolume) > median(randomVolume), "median hypervolume of TPE " + median(tpeVolume) + ", of random " + median(randomVolume));
    }

    /**
     * Four workers run trials that TPE suggested while the ones before them ran; a fifth asks. On an
     * 11 x 11 grid, without the liar the workers' TPE often draws a point another is running.
     */
    @Test
    void withFourRunningTrialsTheNextSuggestionIsNoneOfTheirPoints() {
        SearchSpace grid = new SearchSpace(List.of(
                new IntParameter("x", -5, 5, false, 1, Map.of()), new IntParameter("y", -5, 5, false, 1, Map.of())));
        Function<Map<String, Object>, double[]> f = p -> new double[] {quadratic(p)};
        int repeatsWithoutTheLiar = 0;
        for (int seed = 0; seed < 10; seed++) {
            for (boolean liar : List.of(true, false)) {
                Sampler sampler = tpe("{constant-liar: " + liar + "}");
                List<TrialRecord> trials = new ArrayList<>(study(sampler, grid, List.of(LOSS), f, seed, 20));
                for (int n = 20; n < 24; n++) {
                    trials.add(Trials.running(n, sampler.suggest(grid, List.of(LOSS), trials, trialSeed(seed, n))));
                }
                Map<String, Object> next = sampler.suggest(grid, List.of(LOSS), trials, trialSeed(seed, 24));
                List<Map<String, Object>> running = trials.subList(20, 24).stream().map(TrialRecord::params).toList();
                if (liar) {
                    assertFalse(running.contains(next), "study seed " + seed + ": next " + next + " is running: " + running);
                    assertEquals(4, new HashSet<>(running).size(), "study seed " + seed + ": a point drawn twice: " + running);
                } else if (running.contains(next) || new HashSet<>(running).size() < 4) {
                    repeatsWithoutTheLiar++;
                }
            }
        }
        assertTrue(repeatsWithoutTheLiar > 0, "without the liar no seed drew a running point: the test shows nothing");
    }

    @Test
    void aConditionalParameterIsModelledOnTheTrialsWhereItWasActive() {
        // x counts only with kind a, y only with b; the best is kind a at x = 0.2, and b is never better than 0.5.
        SearchSpace space = new SearchSpace(List.of(
                new ChoiceParameter("kind", List.of("a", "b"), Map.of()),
                new FloatParameter("x", 0, 1, false, null, Map.of("kind", List.of("a"))),
                new FloatParameter("y", 0, 1, false, null, Map.of("kind", List.of("b")))));
        Function<Map<String, Object>, double[]> f = p -> new double[] {
                p.get("kind").equals("a") ? Math.pow((Double) p.get("x") - 0.2, 2) : 0.5 + Math.pow((Double) p.get("y") - 0.5, 2)};
        double[] tpeBest = new double[5];
        double[] randomBest = new double[5];
        for (int seed = 0; seed < 5; seed++) {
            List<TrialRecord> trials = study(tpe("{}"), space, List.of(LOSS), f, seed, 40);
            long kindA = trials.subList(20, 40).stream().filter(t -> t.params().get("kind").equals("a")).count();
            assertTrue(kindA >= 12, "study seed " + seed + ": kind a, the better, in only " + kindA + " of trials 20-39");
            tpeBest[seed] = best(trials);
            randomBest[seed] = best(study(RANDOM, space, List.of(LOSS), f, seed, 40));
        }
        System.out.printf("kind a with x, or b with y, best after 40 trials, study seeds 0-4%n  tpe:    %s%n  random: %s%n",
                Arrays.toString(tpeBest), Arrays.toString(randomBest));
        assertTrue(median(tpeBest) < median(randomBest), "median best of TPE " + median(tpeBest) + ", of random " + median(randomBest));
    }
}
