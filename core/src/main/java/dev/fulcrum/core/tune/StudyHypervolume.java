package dev.fulcrum.core.tune;

import dev.fulcrum.api.MetricNames;
import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.math.pareto.Hypervolume;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hypervolume of a study's front and its reference point, by one rule per objective: a
 * maximised score in [0, 1] ({@code accuracy}, {@code macro_f1}) is bounded by 0, its worst
 * possible value; any other objective (a loss, say) by its worst value over the complete trials
 * (feasible or not), the nadir. The fixed bound keeps the volume comparable between studies and
 * growing as the front improves; the nadir alone would give every point that is worst on some
 * objective no volume, so a front of two trials would always measure 0.
 *
 * @param reference the reference point, one value per objective in the metrics' own units
 * @param value     the hypervolume, the same whichever way each objective points
 */
record StudyHypervolume(double[] reference, double value) {

    static final String RULE = "0 for a maximised accuracy or macro_f1, else the worst value over the complete trials";
    private static final Set<String> SCORES = Set.of(MetricNames.ACCURACY, MetricNames.MACRO_F1);

    /** Empty while no trial is complete. */
    static Optional<StudyHypervolume> of(List<TrialRecord> trials, List<Objective> objectives, List<TrialRecord> front) {
        List<TrialRecord> complete = trials.stream().filter(trial -> trial.state() == TrialState.COMPLETE).toList();
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        double[] reference = new double[objectives.size()];
        double[] minimisedReference = new double[objectives.size()];
        for (int m = 0; m < objectives.size(); m++) {
            Objective objective = objectives.get(m);
            reference[m] = isScore(objective) ? 0 : worst(complete, objective);
            minimisedReference[m] = objective.toMinimised(reference[m]);
        }
        double[][] points = front.stream().map(trial -> ParetoFront.minimised(trial, objectives)).toArray(double[][]::new);
        return Optional.of(new StudyHypervolume(reference, Hypervolume.of(points, minimisedReference)));
    }

    private static boolean isScore(Objective objective) {
        String metric = objective.metric();
        return objective.direction() == Direction.MAXIMIZE && SCORES.contains(metric.substring(metric.lastIndexOf('.') + 1));
    }

    private static double worst(List<TrialRecord> complete, Objective objective) {
        double worst = complete.get(0).value(objective);
        for (TrialRecord trial : complete) {
            if (objective.direction().better(worst, trial.value(objective))) {
                worst = trial.value(objective);
            }
        }
        return worst;
    }
}
