package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.plugins.samplers.UniformDraws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kegl, "Algorithms for
 * Hyper-Parameter Optimization", NeurIPS 2011): split the trials so far into a good and a bad
 * group, fit a Parzen density to each, draw candidates from the good density and take the one
 * where good density over bad density is highest (which maximises expected improvement, section
 * 4.1). The reference is Optuna 3.1's {@code optuna/samplers/_tpe/sampler.py} with
 * {@code multivariate=True, group=True, constant_liar=True}: its defaults, splits and kernels
 * ({@link GoodAndBad}, {@link ParzenEstimator}), its {@code RandomSampler} for the start-up trials
 * (here {@link UniformDraws}, as the {@code random} sampler). All randomness comes from the trial's
 * seed and the sampler holds no state, so any instance given the same arguments draws the same values.
 */
final class TpeSampler implements Sampler {

    private final int startupTrials;
    private final int candidates;
    private final boolean constantLiar;
    private final boolean joint;
    private final ParzenEstimator.Settings settings;

    TpeSampler(TpeSamplerParams params) {
        startupTrials = params.startupTrials();
        candidates = params.candidates();
        constantLiar = params.constantLiar();
        joint = params.multivariate();
        settings = new ParzenEstimator.Settings(params.priorWeight(), params.considerMagicClip(), params.considerEndpoints(), joint);
    }

    @Override
    public Map<String, Object> suggest(SearchSpace space, List<Objective> objectives, List<TrialRecord> trials, long trialSeed) {
        SplittableRandom random = new SplittableRandom(trialSeed);
        GoodAndBad history = GoodAndBad.split(objectives, trials, constantLiar);
        if (history.finished() < startupTrials) {
            return UniformDraws.draw(space, random);
        }
        Map<String, Object> drawn = new HashMap<>();
        for (ParameterGroup group : ParameterGroup.of(space, joint)) {
            if (group.active(drawn)) {
                drawn.putAll(draw(group, history, random));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : space.parameters()) {
            if (drawn.containsKey(parameter.path())) {
                values.put(parameter.path(), drawn.get(parameter.path()));
            }
        }
        return values;
    }

    /** The group's values: the candidate from the good density with the highest log l(x) - log g(x). */
    private Map<String, Object> draw(ParameterGroup group, GoodAndBad history, SplittableRandom random) {
        if (group.axes().isEmpty()) {
            return group.values(new double[0]);
        }
        Observed good = Observed.in(group, history.good(), history.goodWeights());
        Observed bad = Observed.in(group, history.bad(), null);
        ParzenEstimator l = new ParzenEstimator(group.axes(), good.points(), good.weights(), settings);
        ParzenEstimator g = new ParzenEstimator(group.axes(), bad.points(), null, settings);
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            double[] candidate = l.sample(random);
            for (int i = 0; i < candidate.length; i++) {
                candidate[i] = group.axes().get(i).snap(candidate[i]);
            }
            double score = l.logDensity(candidate) - g.logDensity(candidate);
            if (best == null || score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return group.values(best);
    }

    /** The trials of a group in which it was active: their coordinates, and their weights when given. */
    private record Observed(double[][] points, double[] weights) {

        static Observed in(ParameterGroup group, List<TrialRecord> trials, double[] trialWeights) {
            List<double[]> points = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int t = 0; t < trials.size(); t++) {
                Optional<double[]> point = group.coordinates(trials.get(t));
                if (point.isPresent()) {
                    points.add(point.get());
                    weights.add(trialWeights == null ? 1.0 : trialWeights[t]);
                }
            }
            return new Observed(points.toArray(double[][]::new),
                    trialWeights == null ? null : weights.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
