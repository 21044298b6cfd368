package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.math.pareto.Hypervolume;
import dev.fulcrum.math.pareto.NonDominatedSort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A study's trials split into the good group, whose density l(x) TPE seeks, and the bad group,
 * whose density g(x) it avoids; both in trial order. As Optuna 3.1
 * ({@code optuna/samplers/_tpe/sampler.py}, {@code _get_observation_pairs} and
 * {@code _split_observation_pairs}), the good group holds the best {@code min(ceil(n / 10), 25)}
 * of the n complete and pruned trials:
 * <ul>
 *   <li>one objective: complete trials by value, then pruned ones by the step they reached
 *       (deepest first) and their value there, then pruned ones with no value;</li>
 *   <li>several objectives (MOTPE: Ozaki et al., GECCO 2020): complete trials by non-dominated
 *       front; the front that does not fit whole gives the places left by greedy hypervolume subset
 *       selection, as Optuna 3.1 does (a front's points that add most hypervolume spread along the
 *       front, where crowding distance would only keep its ends and sparse parts); the good trials
 *       weigh by their hypervolume contribution. Pruned trials go to the bad group: Optuna 3.1 drops
 *       them, but a pruner that stopped a trial judged it worse, and that is worth knowing;</li>
 *   <li>infeasible trials (a failed gate) and complete ones with a value that is not finite always
 *       go to the bad group; failed trials, and complete ones lacking an objective's value, are left out;</li>
 *   <li>with the constant liar, running and waiting trials go to the bad group (Optuna's
 *       {@code constant_liar}, here for several objectives too), so that a worker does not draw
 *       the point another is running; they do not count in n.</li>
 * </ul>
 *
 * @param goodWeights the good trials' weights, in their order; {@code null} for the default weights
 * @param finished    n, the complete and pruned trials: TPE starts once there are enough
 */
record GoodAndBad(List<TrialRecord> good, double[] goodWeights, List<TrialRecord> bad, int finished) {

    /** Optuna's {@code EPS}: the floor of a hypervolume contribution, and of a zero reference coordinate. */
    private static final double EPS = 1e-12;
    private static final int MAX_GOOD = 25;

    static GoodAndBad split(List<Objective> objectives, List<TrialRecord> trials, boolean constantLiar) {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("TPE needs at least one objective");
        }
        List<TrialRecord> rankable = new ArrayList<>();
        List<TrialRecord> bad = new ArrayList<>();
        int finished = 0;
        for (TrialRecord trial : trials) {
            boolean complete = trial.state() == TrialState.COMPLETE && trial.values().keySet().containsAll(metrics(objectives));
            if (complete || trial.state() == TrialState.PRUNED) {
                finished++;
            }
            if (complete && trial.feasible() && finite(minimised(objectives, trial))
                    || trial.state() == TrialState.PRUNED && objectives.size() == 1) {
                rankable.add(trial);
            } else if (complete || trial.state() == TrialState.PRUNED
                    || constantLiar && (trial.state() == TrialState.RUNNING || trial.state() == TrialState.WAITING)) {
                bad.add(trial);
            }
        }
        int goodCount = Math.min(Math.min((int) Math.ceil(0.1 * finished), MAX_GOOD), rankable.size());
        boolean one = objectives.size() == 1;
        List<TrialRecord> good = one ? bestByValue(objectives.get(0), rankable, goodCount) : bestFronts(objectives, rankable, goodCount);
        good.sort(Comparator.comparingInt(TrialRecord::number));
        double[] goodWeights = one ? null : hypervolumeContributions(good.stream().map(t -> minimised(objectives, t)).toList());
        Set<Integer> goodNumbers = good.stream().map(TrialRecord::number).collect(Collectors.toSet());
        rankable.stream().filter(t -> !goodNumbers.contains(t.number())).forEach(bad::add);
        bad.sort(Comparator.comparingInt(TrialRecord::number));
        return new GoodAndBad(List.copyOf(good), goodWeights, List.copyOf(bad), finished);
    }

    private static List<String> metrics(List<Objective> objectives) {
        return objectives.stream().map(Objective::metric).toList();
    }

    /** A trial's place in one objective's order: Optuna's {@code (-step, value)}. */
    private record Rank(TrialRecord trial, double step, double value) {
    }

    /**
     * The best {@code count} trials: complete ones by value (step minus infinity), then pruned ones,
     * the deepest first, by their last value there (NaN the worst), then pruned ones without one (step +1).
     */
    private static List<TrialRecord> bestByValue(Objective objective, List<TrialRecord> trials, int count) {
        List<Rank> ranks = new ArrayList<>();
        for (TrialRecord trial : trials) {
            ranks.add(rank(objective, trial));
        }
        ranks.sort(Comparator.comparingDouble(Rank::step).thenComparingDouble(Rank::value));
        return ranks.subList(0, count).stream().map(Rank::trial).collect(Collectors.toCollection(ArrayList::new));
    }

    private static Rank rank(Objective objective, TrialRecord trial) {
        if (trial.state() == TrialState.COMPLETE) {
            return new Rank(trial, Double.NEGATIVE_INFINITY, objective.toMinimised(trial.value(objective)));
        }
        List<Integer> steps = new ArrayList<>(trial.intermediate().keySet());
        for (int k = steps.size() - 1; k >= 0; k--) {
            Double value = trial.intermediate().get(steps.get(k)).get(objective.metric());
            if (value != null) {
                double minimised = objective.toMinimised(value);
                return new Rank(trial, -steps.get(k), Double.isNaN(minimised) ? Double.POSITIVE_INFINITY : minimised);
            }
        }
        return new Rank(trial, 1, 0);
    }

    private static double[] minimised(List<Objective> objectives, TrialRecord trial) {
        return objectives.stream().mapToDouble(o -> o.toMinimised(trial.value(o))).toArray();
    }

    private static boolean finite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }

    /** The best {@code count} trials by non-dominated front, the last front cut by greedy hypervolume subset selection. */
    private static List<TrialRecord> bestFronts(List<Objective> objectives, List<TrialRecord> trials, int count) {
        double[][] points = trials.stream().map(t -> minimised(objectives, t)).toArray(double[][]::new);
        List<TrialRecord> chosen = new ArrayList<>();
        for (List<Integer> front : NonDominatedSort.fronts(points)) {
            int room = count - chosen.size();
            if (room <= 0) {
                break;
            }
            List<Integer> taken = front.size() <= room ? front : greedyHypervolumeSubset(points, front, room);
            taken.forEach(i -> chosen.add(trials.get(i)));
        }
        return chosen;
    }

    /**
     * {@code size} points of {@code front}, each in turn the one adding most hypervolume to those
     * already taken (a (1 - 1/e)-approximation: Guerreiro, Fonseca and Paquete, "Greedy hypervolume
     * subset selection in low dimensions", Evolutionary Computation 24(3), 2016; Optuna 3.1's
     * {@code optuna/_hypervolume/hssp.py}). The reference point lies just beyond the front's worst.
     */
    private static List<Integer> greedyHypervolumeSubset(double[][] points, List<Integer> front, int size) {
        double[] reference = referencePoint(front.stream().map(i -> points[i]).toList());
        List<Integer> taken = new ArrayList<>();
        List<double[]> takenPoints = new ArrayList<>();
        double volume = 0;
        while (taken.size() < size) {
            int best = -1;
            double bestVolume = Double.NEGATIVE_INFINITY;
            for (int i : front) {
                if (taken.contains(i)) {
                    continue;
                }
                takenPoints.add(points[i]);
                double withIt = Hypervolume.of(takenPoints.toArray(double[][]::new), reference);
                takenPoints.remove(takenPoints.size() - 1);
                if (withIt - volume > bestVolume) {
                    bestVolume = withIt - volume;
                    best = i;
                }
            }
            taken.add(best);
            takenPoints.add(points[best]);
            volume = Hypervolume.of(takenPoints.toArray(double[][]::new), reference);
        }
        return taken;
    }

    /**
     * Each point's share of the hypervolume, as a weight in (0, 1]: what the set loses without it,
     * over the largest such loss (Optuna 3.1's {@code _calculate_weights_below_for_multi_objective}).
     */
    static double[] hypervolumeContributions(List<double[]> points) {
        if (points.size() <= 1) {
            return points.isEmpty() ? new double[0] : new double[] {1.0};
        }
        double[] reference = referencePoint(points);
        double whole = Hypervolume.of(points.toArray(double[][]::new), reference);
        double[] contributions = new double[points.size()];
        for (int i = 0; i < contributions.length; i++) {
            List<double[]> without = new ArrayList<>(points);
            without.remove(i);
            contributions[i] = whole - Hypervolume.of(without.toArray(double[][]::new), reference) + EPS;
        }
        double largest = Arrays.stream(contributions).max().orElseThrow();
        return Arrays.stream(contributions).map(c -> Math.min(1, Math.max(0, c / largest))).toArray();
    }

    /** Optuna's reference point: max(1.1 w, 0.9 w) of the worst value w of each objective, EPS for a zero. */
    private static double[] referencePoint(List<double[]> points) {
        double[] reference = new double[points.get(0).length];
        for (int m = 0; m < reference.length; m++) {
            int objective = m;
            double worst = points.stream().mapToDouble(p -> p[objective]).max().orElseThrow();
            reference[m] = Math.max(1.1 * worst, 0.9 * worst);
            if (reference[m] == 0) {
                reference[m] = EPS;
            }
        }
        return reference;
    }
}
