package dev.fulcrum.core.train;

import dev.fulcrum.api.MetricNames;
import dev.fulcrum.math.stats.ClassCounts;
import dev.fulcrum.runtime.Predictions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskMetricsTest {

    @Test
    void accuracyMacroF1AndCrossEntropyByHand() {
        int[] labels = {0, 0, 1, 1, 2};
        // predicted: 0, 1, 1, 1, 0
        float[][] probabilities = {{0.8f, 0.1f, 0.1f}, {0.3f, 0.6f, 0.1f}, {0.2f, 0.7f, 0.1f}, {0.1f, 0.5f, 0.4f}, {0.5f, 0.2f, 0.3f}};
        int[] predicted = Predictions.argmax(Nd4j.createFromArray(probabilities));
        Map<String, Double> metrics = TaskMetrics.of(ClassCounts.of(List.of("a", "b", "c"), labels, predicted), probabilities, labels);
        assertEquals(0.6, metrics.get(MetricNames.ACCURACY), 1e-12);
        // F1 per class: 0: 2*1/(2+2)=0.5; 1: 2*2/(2+3)=0.8; 2: 0 -> mean 0.4333
        assertEquals((0.5 + 0.8 + 0.0) / 3, metrics.get(MetricNames.MACRO_F1), 1e-12);
        double loss = -(Math.log(0.8) + Math.log(0.3) + Math.log(0.7) + Math.log(0.5) + Math.log(0.3)) / 5;
        assertEquals(loss, metrics.get(MetricNames.LOSS), 1e-6);
        assertEquals(5.0, metrics.get(MetricNames.COUNT));
    }
}
