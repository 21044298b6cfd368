package dev.fulcrum.plugins.pruners;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The objectives a pruner judges trials by, and a trial's report at a step as a point to minimise.
 * They are every objective of the study, or the one a pruner's {@code primary} param names.
 *
 * <p>A step counts for a trial only when its metrics hold every judged objective; a step that lacks
 * one is as if it had not been reported. A NaN becomes {@code +infinity} once minimised: the worst
 * value there is, as a run whose training diverged is the worst trial.
 */
final class JudgedObjectives {

    private final List<Objective> objectives;

    private JudgedObjectives(List<Objective> objectives) {
        this.objectives = objectives;
    }

    /**
     * The study's objectives, or the one named {@code primary} (an objective's metric) when it is
     * not {@code null}. The check runs on every question, before any other, so that a host which
     * asks once about a trial with no reports learns of a bad {@code primary} before trial 0.
     */
    static JudgedObjectives of(List<Objective> study, String primary) {
        if (primary == null) {
            return new JudgedObjectives(study);
        }
        for (Objective objective : study) {
            if (objective.metric().equals(primary)) {
                return new JudgedObjectives(List.of(objective));
            }
        }
        throw new InvalidParamsException("primary", "must be the metric of one of the study's objectives "
                + study.stream().map(Objective::metric).toList() + ", got " + primary);
    }

    /** The trial's report at {@code step} as a point to minimise, or {@code null} when that step does not count. */
    double[] pointAt(TrialRecord trial, int step) {
        Map<String, Double> metrics = trial.intermediate().get(step);
        return metrics == null ? null : point(metrics);
    }

    /** Every step that counts for the trial, in order, with its point. */
    SortedMap<Integer, double[]> points(TrialRecord trial) {
        SortedMap<Integer, double[]> points = new TreeMap<>();
        trial.intermediate().forEach((step, metrics) -> {
            double[] point = point(metrics);
            if (point != null) {
                points.put(step, point);
            }
        });
        return points;
    }

    /** Whether some coordinate of {@code point} is the worst value: a NaN or an infinity the wrong way. */
    static boolean diverged(double[] point) {
        for (double value : point) {
            if (value == Double.POSITIVE_INFINITY) {
                return true;
            }
        }
        return false;
    }

    private double[] point(Map<String, Double> metrics) {
        double[] point = new double[objectives.size()];
        for (int i = 0; i < point.length; i++) {
            Objective objective = objectives.get(i);
            Double value = metrics.get(objective.metric());
            if (value == null) {
                return null;
            }
            point[i] = value.isNaN() ? Double.POSITIVE_INFINITY : objective.toMinimised(value);
        }
        return point;
    }
}
