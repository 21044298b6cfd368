package dev.fulcrum.core.train;

import dev.fulcrum.api.MetricNames;
import dev.fulcrum.math.calibration.Calibration;
import dev.fulcrum.runtime.Predictions;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/** Accuracy, macro-F1, cross-entropy and count of one task's predictions. */
final class TaskMetrics {

    private TaskMetrics() {
    }

    /**
     * @param labels        true class per row
     * @param probabilities {@code [rows, classes]}
     */
    static Map<String, Double> of(int[] labels, INDArray probabilities) {
        int classes = (int) probabilities.columns();
        int[] predicted = Predictions.argmax(probabilities);
        float[][] p = probabilities.toFloatMatrix();
        long[] truePositive = new long[classes];
        long[] predictedCount = new long[classes];
        long[] actualCount = new long[classes];
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            actualCount[labels[i]]++;
            predictedCount[predicted[i]]++;
            if (predicted[i] == labels[i]) {
                truePositive[labels[i]]++;
                correct++;
            }
        }
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (actualCount[c] + predictedCount[c] == 0) {
                continue;
            }
            present++;
            f1Sum += 2.0 * truePositive[c] / (actualCount[c] + predictedCount[c]);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        int n = labels.length;
        metrics.put(MetricNames.ACCURACY, n == 0 ? Double.NaN : (double) correct / n);
        metrics.put(MetricNames.MACRO_F1, present == 0 ? Double.NaN : f1Sum / present);
        metrics.put(MetricNames.LOSS, Calibration.negativeLogLikelihood(p, labels));
        metrics.put(MetricNames.COUNT, (double) n);
        return metrics;
    }
}
