package dev.fulcrum.core.train;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.runtime.Predictions;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/** What the host evaluates: class probabilities per task for chosen rows, from one model or an ensemble of them. */
public interface ClassProbabilities {

    /** The tasks, in the order of the model's outputs. */
    List<String> outputs();

    /** Probabilities {@code [rows, classes]} per task, in inference mode. */
    Map<String, INDArray> of(Dataset data, int[] rows);

    /** One model's probabilities. */
    static ClassProbabilities of(TrainableModel model) {
        return new ClassProbabilities() {
            @Override
            public List<String> outputs() {
                return model.outputs();
            }

            @Override
            public Map<String, INDArray> of(Dataset data, int[] rows) {
                return Predictions.probabilities(model, data, rows);
            }
        };
    }
}
