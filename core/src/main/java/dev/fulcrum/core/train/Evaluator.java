package dev.fulcrum.core.train;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.math.calibration.Calibration;
import dev.fulcrum.math.stats.ClassCounts;
import dev.fulcrum.runtime.Predictions;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** Metrics of every task on the labelled rows of a partition, and the counts per class behind them. */
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
        return evaluate(ClassProbabilities.of(model), data, partition, rowFilter);
    }

    /** The same for any source of probabilities (an ensemble, say). */
    public static Map<String, Map<String, Double>> evaluate(ClassProbabilities model, Dataset data, Partition partition,
                                                           IntPredicate rowFilter) {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        predict(model, data, partition, rowFilter).forEach((task, p) -> metrics.put(task, p.metrics()));
        return metrics;
    }

    /** Metrics, the confusion matrix and the calibration of every task, from one pass over the partition's rows. */
    public static Map<String, TaskEvaluation> evaluateInFull(TrainableModel model, Dataset data, Partition partition) {
        return evaluateInFull(ClassProbabilities.of(model), data, partition);
    }

    /** The same for any source of probabilities (an ensemble, say), its calibration computed as a single model's. */
    public static Map<String, TaskEvaluation> evaluateInFull(ClassProbabilities model, Dataset data, Partition partition) {
        Map<String, TaskEvaluation> evaluations = new LinkedHashMap<>();
        predict(model, data, partition, row -> true).forEach((task, p) -> evaluations.put(task, new TaskEvaluation(
                p.metrics(), p.counts(), Calibration.of(p.probabilities(), p.labels(), Calibration.DEFAULT_BINS))));
        return evaluations;
    }

    /** A task's metrics, class counts and calibration on one partition. */
    public record TaskEvaluation(Map<String, Double> metrics, ClassCounts classes, Calibration calibration) {
    }

    /** One task's true labels, predicted probabilities ({@code [rows][classes]}) and the confusion matrix of the two. */
    private record TaskPredictions(int[] labels, float[][] probabilities, ClassCounts counts) {

        static TaskPredictions of(List<String> classes, int[] labels, INDArray probabilities) {
            return new TaskPredictions(labels, probabilities.toFloatMatrix(),
                    ClassCounts.of(classes, labels, Predictions.argmax(probabilities)));
        }

        Map<String, Double> metrics() {
            return TaskMetrics.of(counts, probabilities, labels);
        }
    }

    /** True labels, predicted probabilities and class counts per task (tasks without labelled rows left out). */
    private static Map<String, TaskPredictions> predict(ClassProbabilities model, Dataset data, Partition partition,
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
        Map<String, INDArray> probabilities = model.of(data, union);
        Map<String, TaskPredictions> predictions = new LinkedHashMap<>();
        rowsByTask.forEach((task, rows) -> {
            int[] positions = new int[rows.length];
            int[] labels = new int[rows.length];
            int[] all = data.labels(task);
            for (int i = 0; i < rows.length; i++) {
                positions[i] = Arrays.binarySearch(union, rows[i]);
                labels[i] = all[rows[i]];
            }
            predictions.put(task, TaskPredictions.of(data.schema().task(task).orElseThrow().classes(), labels,
                    probabilities.get(task).getRows(positions)));
        });
        return predictions;
    }
}
