package dev.fulcrum.core.train;

import dev.fulcrum.api.MetricNames;
import dev.fulcrum.math.calibration.Calibration;
import dev.fulcrum.math.stats.ClassCounts;

import java.util.LinkedHashMap;
import java.util.Map;

/** Accuracy, macro-F1, cross-entropy and count of one task's predictions. */
final class TaskMetrics {

    private TaskMetrics() {
    }

    /**
     * @param counts        the confusion matrix of the predictions
     * @param probabilities {@code [rows][classes]}
     * @param labels        true class per row
     */
    static Map<String, Double> of(ClassCounts counts, float[][] probabilities, int[] labels) {
        long correct = 0;
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < counts.classes().size(); c++) {
            correct += counts.confusion()[c][c];
            if (counts.support(c) + counts.predicted(c) > 0) {
                present++;
                f1Sum += counts.f1(c);
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        int n = labels.length;
        metrics.put(MetricNames.ACCURACY, n == 0 ? Double.NaN : (double) correct / n);
        metrics.put(MetricNames.MACRO_F1, present == 0 ? Double.NaN : f1Sum / present);
        metrics.put(MetricNames.LOSS, Calibration.negativeLogLikelihood(probabilities, labels));
        metrics.put(MetricNames.COUNT, (double) n);
        return metrics;
    }
}
