package dev.fulcrum.core.train;

import dev.fulcrum.api.MetricNames;
import dev.fulcrum.api.Tasks;

import java.util.Map;

/**
 * One number for both sides of the balance, where weight-space methods choose between models (an
 * alpha of WiSE-FT, the ingredients of a greedy soup): the mean of specific and general validation
 * accuracy, or specific accuracy alone where the general task has no validation rows.
 */
final class TwoSidedScore {

    static final String DESCRIPTION = "mean of specific and general validation accuracy (specific alone without general "
            + "validation rows)";

    private TwoSidedScore() {
    }

    static double of(double specific, double general) {
        return Double.isNaN(general) ? specific : (specific + general) / 2;
    }

    /** Of validation metrics, per task then metric. */
    static double of(Map<String, Map<String, Double>> validation) {
        return of(accuracy(validation, Tasks.SPECIFIC), accuracy(validation, Tasks.GENERAL));
    }

    static double accuracy(Map<String, Map<String, Double>> metrics, String task) {
        Map<String, Double> taskMetrics = metrics.get(task);
        return taskMetrics == null ? Double.NaN : taskMetrics.get(MetricNames.ACCURACY);
    }
}
