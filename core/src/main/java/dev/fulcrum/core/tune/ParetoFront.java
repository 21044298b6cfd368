package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.math.pareto.NonDominatedSort;

import java.util.Comparator;
import java.util.List;

/** The trials of a study that no other usable trial dominates. */
public final class ParetoFront {

    private ParetoFront() {
    }

    /**
     * The usable (complete, feasible) trials that no other usable trial dominates, in number order.
     * Trials with equal values are all kept: none dominates another.
     */
    public static List<TrialRecord> of(List<TrialRecord> trials, List<Objective> objectives) {
        List<TrialRecord> usable = trials.stream().filter(TrialRecord::usable)
                .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        if (usable.isEmpty()) {
            return List.of();
        }
        double[][] points = usable.stream().map(trial -> minimised(trial, objectives)).toArray(double[][]::new);
        return NonDominatedSort.fronts(points).get(0).stream().map(usable::get).toList();
    }

    /** A complete trial's objective values, each turned into one to minimise. */
    static double[] minimised(TrialRecord trial, List<Objective> objectives) {
        return objectives.stream().mapToDouble(objective -> objective.toMinimised(trial.value(objective))).toArray();
    }
}
