package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.math.pareto.NonDominatedSort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A study of made-up learning curves run as a sequential host runs it: one trial after another,
 * the pruner asked after each epoch. Trial {@code i} reports {@code a_i (1 - exp(-t / tau_i))} at
 * epoch {@code t} on a maximised objective ({@code 1 - b_i (1 - exp(-t / tau_i))} on a minimised
 * one), with {@code a_i} drawn uniformly from [0, 1) by the seed. A second objective's level trades
 * off against the first, {@code b_i = u_i sqrt(1 - a_i^2)} with {@code u_i} uniform in [0.4, 1), so
 * that the front of the final values holds several trials. The pace {@code tau_i} is 5, or with a
 * spread uniform in {@code [5 - spread, 5 + spread]}: then curves cross, and a trial slow to start
 * may end best.
 */
final class SimulatedStudy {

    static final int TRIALS = 27;
    static final int EPOCHS = 27;

    private final List<Objective> objectives;
    private final double[][] levels = new double[TRIALS][];
    private final double[] paces = new double[TRIALS];

    SimulatedStudy(long seed, List<Objective> objectives, double paceSpread) {
        this.objectives = objectives;
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < TRIALS; n++) {
            double[] trial = levels[n] = new double[objectives.size()];
            trial[0] = random.nextDouble();
            for (int i = 1; i < trial.length; i++) {
                trial[i] = random.nextDouble(0.4, 1) * Math.sqrt(1 - trial[0] * trial[0]);
            }
            paces[n] = paceSpread == 0 ? 5 : random.nextDouble(5 - paceSpread, 5 + paceSpread);
        }
    }

    /**
     * A pruner's figures over the studies of seeds 0 to {@code seeds - 1}: the share of trial-epochs
     * saved in each, in how many studies the front of the complete trials differs from the one
     * without pruning, and how many trials of those fronts (all studies together) the pruner kept.
     */
    record Figures(double[] saved, int changed, int frontTrials, int frontTrialsKept) {

        static Figures measure(Pruner pruner, List<Objective> objectives, double paceSpread, int seeds) {
            Pruner none = new NonePrunerFactory().create(new NonePrunerParams(), null);
            double[] saved = new double[seeds];
            int changed = 0;
            int frontTrials = 0;
            int frontTrialsKept = 0;
            for (int seed = 0; seed < seeds; seed++) {
                SimulatedStudy study = new SimulatedStudy(seed, objectives, paceSpread);
                List<TrialRecord> pruned = study.run(pruner);
                saved[seed] = study.shareSaved(pruned);
                List<Integer> front = study.front(study.run(none));
                List<Integer> kept = study.front(pruned);
                changed += kept.equals(front) ? 0 : 1;
                frontTrials += front.size();
                frontTrialsKept += (int) front.stream().filter(kept::contains).count();
            }
            return new Figures(saved, changed, frontTrials, frontTrialsKept);
        }

        double medianSaved() {
            double[] sorted = saved.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        /** Prints the figures after {@code label}, for the test's output and the README. */
        Figures print(String label) {
            System.out.printf(Locale.ROOT, "%s, %d studies of %d trials of %d epochs: trial-epochs saved %.1f%% (median; %.1f%% to %.1f%%), "
                            + "front of the complete trials changed in %d, %d of its %d trials kept%n", label, saved.length, TRIALS, EPOCHS,
                    100 * medianSaved(), 100 * Arrays.stream(saved).min().orElseThrow(), 100 * Arrays.stream(saved).max().orElseThrow(),
                    changed, frontTrialsKept, frontTrials);
            return this;
        }
    }

    /** The trials at the end of the study, in number order. */
    List<TrialRecord> run(Pruner pruner) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < TRIALS; n++) {
            SortedMap<Integer, Map<String, Double>> reports = new TreeMap<>();
            TrialState state = TrialState.COMPLETE;
            for (int t = 1; t <= EPOCHS; t++) {
                reports.put(t, metrics(n, t));
                if (pruner.prune(objectives, record(n, TrialState.RUNNING, reports), trials)) {
                    state = TrialState.PRUNED;
                    break;
                }
            }
            trials.add(record(n, state, reports));
        }
        return trials;
    }

    /** The share of the trial-epochs of a study without pruning that {@code trials} did not run. */
    double shareSaved(List<TrialRecord> trials) {
        int run = trials.stream().mapToInt(TrialRecord::lastStep).sum();
        return 1 - run / (double) (TRIALS * EPOCHS);
    }

    /** The best final value of {@code objective} among the trials that completed. */
    static double best(List<TrialRecord> trials, Objective objective) {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE).mapToDouble(t -> t.value(objective))
                .reduce((a, b) -> objective.direction().better(a, b) ? a : b).orElse(Double.NaN);
    }

    /** The numbers of the complete trials on the Pareto front of their final values: with one objective, the best. */
    List<Integer> front(List<TrialRecord> trials) {
        List<TrialRecord> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        double[][] points = complete.stream().map(t -> objectives.stream().mapToDouble(o -> o.toMinimised(t.value(o))).toArray())
                .toArray(double[][]::new);
        return NonDominatedSort.fronts(points).get(0).stream().map(i -> complete.get(i).number()).toList();
    }

    private Map<String, Double> metrics(int trial, int epoch) {
        double progress = 1 - Math.exp(-epoch / paces[trial]);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; i < objectives.size(); i++) {
            double value = levels[trial][i] * progress;
            metrics.put(objectives.get(i).metric(), objectives.get(i).direction() == Direction.MAXIMIZE ? value : 1 - value);
        }
        return metrics;
    }

    private static TrialRecord record(int number, TrialState state, SortedMap<Integer, Map<String, Double>> reports) {
        Map<String, Double> values = state == TrialState.COMPLETE ? reports.get(reports.lastKey()) : Map.of();
        return new TrialRecord(number, state, Map.of(), values, true, reports, null, null, "simulation", Instant.EPOCH,
                state.finished() ? Instant.EPOCH : null);
    }
}
