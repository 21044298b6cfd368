package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.audit.AuditInput;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.runtime.Predictions;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/** The model's predictions for the specific task's labelled rows of one split, with their sensitive attributes. */
final class SpecificPredictions {

    private SpecificPredictions() {
    }

    /** The predicted class is the most probable one, or the post-processing rule's decision where the run has one. */
    static AuditInput of(PipelineState state, Partition partition) {
        Dataset data = state.data;
        int[] rows = data.labelledRows(Tasks.SPECIFIC, partition);
        if (rows.length == 0) {
            throw new InvalidInputException("the specific task has no labelled " + TestStage.splitName(partition) + " rows");
        }
        INDArray probabilities = state.probabilities().of(data, rows).get(Tasks.SPECIFIC);
        int[] allLabels = data.labels(Tasks.SPECIFIC);
        float[] allWeights = data.weights();
        int[] labels = new int[rows.length];
        float[] weights = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = allLabels[rows[i]];
            weights[i] = allWeights[rows[i]];
        }
        Map<String, String[]> sensitive = new LinkedHashMap<>();
        data.sensitive().forEach((name, values) -> {
            String[] picked = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                picked[i] = values[rows[i]];
            }
            sensitive.put(name, picked);
        });
        int[] predictions = state.decisionRule == null ? Predictions.argmax(probabilities)
                : state.decisionRule.decide(probabilities, sensitive);
        return new AuditInput(Tasks.SPECIFIC, data.schema().task(Tasks.SPECIFIC).orElseThrow().classes(), labels,
                predictions, probabilities, sensitive, weights);
    }
}
