package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.math.pareto.NonDominatedSort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * Prunes a trial whose best value so far is worse than the median, at the same step, of the trials
 * that got there and finished (complete or pruned). After Optuna's {@code MedianPruner}
 * ({@code optuna/pruners/_percentile.py}, the 50th percentile), with three differences:
 *
 * <ul>
 *   <li>Steps are epochs counted from 1, where Optuna's examples count from 0; {@code warmup-steps}
 *       keeps its meaning as the epochs a trial runs unjudged, so the first check is after epoch
 *       {@code warmup-steps + 1}, as Optuna's is at step {@code n_warmup_steps}.</li>
 *   <li>The median is over complete <em>and pruned</em> trials with a report at the step; Optuna
 *       takes complete ones only. A pruned trial's early reports are as real as a complete one's,
 *       and leaving them out makes the median one of survivors, stricter the longer a study runs.
 *       {@code startup-trials} still counts complete trials only.</li>
 *   <li>Several objectives (Optuna refuses them, optuna/optuna#3450): the trial's point is its best
 *       value so far on each objective, the reference point is the median of each objective at
 *       the step, and the trial is pruned when the reference point dominates it (no better on any
 *       objective, worse on one). With one objective this is Optuna's rule: best so far worse
 *       than the median. {@code primary} judges by one named objective instead.</li>
 * </ul>
 *
 * <p>As Optuna, the trial is judged on its best value over its steps so far (not its value at the
 * step), so one bad epoch after good ones does not prune it; and a trial whose every report is NaN
 * is pruned, its training having diverged. Steps without a judged metric do not count (see
 * {@link JudgedObjectives}).
 */
final class MedianPruner implements Pruner {

    private final MedianPrunerParams params;

    MedianPruner(MedianPrunerParams params) {
        this.params = params;
    }

    @Override
    public boolean prune(List<Objective> objectives, TrialRecord running, List<TrialRecord> others) {
        JudgedObjectives judged = JudgedObjectives.of(objectives, params.primary());
        SortedMap<Integer, double[]> reports = judged.points(running);
        int step = running.lastStep();
        if (!reports.containsKey(step) || !checksAt(step, reports.headMap(step)) || completed(others) < params.startupTrials()) {
            return false;
        }
        double[] best = bestSoFar(reports);
        if (JudgedObjectives.diverged(best)) {
            return true;
        }
        List<double[]> atStep = new ArrayList<>();
        for (TrialRecord other : others) {
            double[] point = other.state() == TrialState.COMPLETE || other.state() == TrialState.PRUNED
                    ? judged.pointAt(other, step) : null;
            if (point != null) {
                atStep.add(point);
            }
        }
        return !atStep.isEmpty() && NonDominatedSort.dominates(medians(atStep), best);
    }

    /**
     * Whether {@code step} is the first step reported in its interval. Checks fall at epochs
     * {@code warmup + 1 + k * interval}; one whose epoch went unreported moves to the next report,
     * as Optuna's {@code _is_first_in_interval_step}.
     */
    private boolean checksAt(int step, SortedMap<Integer, double[]> earlier) {
        int warmup = params.warmupSteps();
        if (step <= warmup) {
            return false;
        }
        int interval = params.intervalSteps();
        int latestCheck = warmup + 1 + (step - warmup - 1) / interval * interval;
        return earlier.isEmpty() || earlier.lastKey() < latestCheck;
    }

    private static long completed(List<TrialRecord> others) {
        return others.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    }

    private static double[] bestSoFar(SortedMap<Integer, double[]> reports) {
        double[] best = null;
        for (double[] point : reports.values()) {
            if (best == null) {
                best = point.clone();
            }
            for (int i = 0; i < best.length; i++) {
                best[i] = Math.min(best[i], point[i]);
            }
        }
        return best;
    }

    /** Each coordinate's median; the mean of the middle two for an even count, as numpy's percentile. */
    private static double[] medians(List<double[]> points) {
        int n = points.size();
        double[] medians = new double[points.get(0).length];
        double[] column = new double[n];
        for (int i = 0; i < medians.length; i++) {
            for (int j = 0; j < n; j++) {
                column[j] = points.get(j)[i];
            }
            Arrays.sort(column);
            medians[i] = n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
        }
        return medians;
    }
}
