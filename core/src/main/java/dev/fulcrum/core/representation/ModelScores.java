package dev.fulcrum.core.representation;

import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.math.representation.Leep;
import dev.fulcrum.math.representation.LinearProbe;
import dev.fulcrum.math.representation.LogMe;
import dev.fulcrum.runtime.Predictions;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one model's trunk layers know: per layer, a linear probe's accuracy per task (trained on the task's training
 * sample, scored on its validation sample; Alain and Bengio 2016) and LogME for the specific task on its training
 * sample; and LEEP of the model's general head for the specific labels on that sample. NaN where it cannot be
 * measured (a task without validation rows, a run without a general head, specific rows not inspected).
 *
 * @param model the model's name ({@code final}, {@code theta0})
 * @param file  its file in the run folder
 */
public record ModelScores(String model, String file, double leep, List<Layer> layers) {

    /**
     * @param units         the layer's width (its flattened output)
     * @param probeAccuracy per inspected task
     */
    public record Layer(String name, long units, Map<String, Double> probeAccuracy, double logMe) {
    }

    /**
     * @param training   per inspected task, its training sample
     * @param validation per inspected task, its validation sample
     */
    static ModelScores of(String model, String file, TrainableModel network, SampleActivations activations,
                          Map<String, RowSample> training, Map<String, RowSample> validation, Dataset data) {
        RowSample specific = training.get(Tasks.SPECIFIC);
        boolean specificRows = specific != null && !specific.isEmpty();
        List<Layer> layers = new ArrayList<>();
        for (String layer : activations.layers()) {
            Map<String, Double> probes = new LinkedHashMap<>();
            for (Map.Entry<String, RowSample> task : training.entrySet()) {
                RowSample train = task.getValue();
                RowSample scored = validation.get(task.getKey());
                INDArray trainActivations = activations.of(train, layer);
                INDArray scoredActivations = activations.of(scored, layer);
                probes.put(task.getKey(), trainActivations == null || scoredActivations == null ? Double.NaN
                        : LinearProbe.accuracy(trainActivations, train.labels(), scoredActivations, scored.labels(), classes(data, task.getKey())));
            }
            double logMe = specificRows ? LogMe.score(activations.of(specific, layer), specific.labels(), classes(data, Tasks.SPECIFIC))
                    : Double.NaN;
            layers.add(new Layer(layer, activations.units(layer), probes, logMe));
        }
        double leep = specificRows && network.outputs().contains(Tasks.GENERAL)
                ? Leep.score(Predictions.probabilities(network, data, specific.rows()).get(Tasks.GENERAL), specific.labels(),
                classes(data, Tasks.SPECIFIC))
                : Double.NaN;
        return new ModelScores(model, file, leep, layers);
    }

    static int classes(Dataset data, String task) {
        return data.schema().task(task).orElseThrow().classCount();
    }
}
