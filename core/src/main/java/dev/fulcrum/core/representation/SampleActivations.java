package dev.fulcrum.core.representation;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.model.TrainableModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's activations of the inspected trunk layers on each row sample with rows.
 *
 * @param layers   the inspected layers, input side first
 * @param bySample sample name, then layer, to rows x units
 */
record SampleActivations(List<String> layers, Map<String, Map<String, INDArray>> bySample) {

    static SampleActivations of(TrainableModel model, List<String> layers, List<RowSample> samples, Dataset data) {
        Map<String, Map<String, INDArray>> bySample = new LinkedHashMap<>();
        for (RowSample sample : samples) {
            if (!sample.isEmpty()) {
                Map<String, INDArray> all = TrunkActivations.of(model, sample.features(data));
                Map<String, INDArray> kept = new LinkedHashMap<>();
                layers.forEach(layer -> kept.put(layer, all.get(layer)));
                bySample.put(sample.name(), kept);
            }
        }
        return new SampleActivations(List.copyOf(layers), bySample);
    }

    /** The layer's activations on the sample, or {@code null} where the sample is missing or has no rows. */
    INDArray of(RowSample sample, String layer) {
        Map<String, INDArray> layers = sample == null ? null : bySample.get(sample.name());
        return layers == null ? null : layers.get(layer);
    }

    /** The layer's width, its flattened output (0 where no sample has rows). */
    long units(String layer) {
        return bySample.values().stream().findFirst().map(layers -> layers.get(layer).size(1)).orElse(0L);
    }
}
