package dev.fulcrum.core.train;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.TrainableModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/** Metrics of every task on the labelled rows of a partition. */
public final class Evaluator {

    private Evaluator() {
    }

    /** Metrics per task (tasks without labelled rows in the partition are left out). */
    public static Map<String, Map<String, Double>> evaluate(TrainableModel model, Dataset data, Partition partition) {
        return evaluate(model, data, partition, row -> true);
    }

    /** The same, restricted to rows that pass a filter (one domain, say). */
    public static Map<String, Map<String, Double>> evaluate(TrainableModel model, Dataset data, Partition partition,
                                                           IntPredicate rowFilter) {
        Map<String, int[]> rowsByTask = new LinkedHashMap<>();
        for (String task : model.outputs()) {
            int[] rows = Arrays.stream(data.labelledRows(task, partition)).filter(rowFilter).toArray();
            if (rows.length > 0) {
                rowsByTask.put(task, rows);
            }
        }
        int[] union = rowsByTask.values().stream().flatMapToInt(Arrays::stream).distinct().sorted().toArray();
        if (union.length == 0) {
            return Map.of();
        }
        Map<String, INDArray> probabilities = Predictions.probabilities(model, data, union);
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        rowsByTask.forEach((task, rows) -> {
            int[] positions = new int[rows.length];
            int[] labels = new int[rows.length];
            int[] all = data.labels(task);
            for (int i = 0; i < rows.length; i++) {
                positions[i] = Arrays.binarySearch(union, rows[i]);
                labels[i] = all[rows[i]];
            }
            INDArray taskProbabilities = probabilities.get(task).getRows(positions);
            metrics.put(task, TaskMetrics.of(labels, taskProbabilities));
        });
        return metrics;
    }
}
