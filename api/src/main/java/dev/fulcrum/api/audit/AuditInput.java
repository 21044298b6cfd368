package dev.fulcrum.api.audit;

import dev.fulcrum.api.Stable;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model predicted for one task's labelled rows, with the sensitive attributes of those rows.
 *
 * @param classes       the task's class names; labels and predictions index them
 * @param labels        true class per row
 * @param predictions   predicted class per row
 * @param probabilities predicted class probabilities {@code [rows, classes]}, or {@code null} when only
 *                      hard predictions are known
 * @param sensitive     attribute name to one value per row
 * @param weights       sample weight per row
 */
@Stable
public record AuditInput(String task, List<String> classes, int[] labels, int[] predictions, INDArray probabilities,
                         Map<String, String[]> sensitive, float[] weights) {
    public AuditInput {
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        sensitive = new LinkedHashMap<>(sensitive);
        int rows = labels.length;
        if (predictions.length != rows || weights.length != rows) {
            throw new IllegalArgumentException("labels, predictions and weights must have the same length");
        }
        if (probabilities != null && probabilities.rows() != rows) {
            throw new IllegalArgumentException("probabilities have " + probabilities.rows() + " rows, labels " + rows);
        }
        sensitive.forEach((name, values) -> {
            if (values.length != rows) {
                throw new IllegalArgumentException("sensitive attribute " + name + " has " + values.length + " rows, labels " + rows);
            }
        });
    }

    public int rows() {
        return labels.length;
    }
}
