package dev.fulcrum.core.representation;

import dev.fulcrum.math.representation.LinearCka;
import dev.fulcrum.math.representation.LinearCka.Estimator;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layer-by-layer CKA of two runs' final models on the same validation rows: per task, a matrix with a row per
 * layer of the inspected run and a column per layer of the other.
 *
 * @param run      the other run's folder
 * @param layers   the inspected run's layers (the matrices' rows)
 * @param against  the other run's trunk layers (the columns)
 * @param debiased per task with validation rows
 * @param biased   per task with validation rows
 */
public record RunComparison(String run, List<String> layers, List<String> against, Map<String, double[][]> debiased,
                            Map<String, double[][]> biased) {

    static RunComparison of(String run, SampleActivations mine, SampleActivations theirs, Map<String, RowSample> validation) {
        Map<String, double[][]> debiased = new LinkedHashMap<>();
        Map<String, double[][]> biased = new LinkedHashMap<>();
        validation.forEach((task, sample) -> {
            if (!sample.isEmpty()) {
                List<INDArray> first = mine.layers().stream().map(layer -> mine.of(sample, layer)).toList();
                List<INDArray> second = theirs.layers().stream().map(layer -> theirs.of(sample, layer)).toList();
                debiased.put(task, LinearCka.matrix(first, second, Estimator.DEBIASED));
                biased.put(task, LinearCka.matrix(first, second, Estimator.BIASED));
            }
        });
        return new RunComparison(run, mine.layers(), theirs.layers(), debiased, biased);
    }
}
