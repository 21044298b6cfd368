package dev.fulcrum.core.representation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far specific training moved each trunk layer: CKA between the layer in theta_0 and in the final model, on
 * each inspected task's validation sample.
 *
 * @param byTask per inspected task with validation rows
 */
public record LayerDrift(String layer, Map<String, Similarity> byTask) {

    static List<LayerDrift> of(SampleActivations theta0, SampleActivations fine, Map<String, RowSample> validation) {
        List<LayerDrift> drift = new ArrayList<>();
        for (String layer : fine.layers()) {
            Map<String, Similarity> byTask = new LinkedHashMap<>();
            validation.forEach((task, sample) -> {
                if (!sample.isEmpty()) {
                    byTask.put(task, Similarity.of(theta0.of(sample, layer), fine.of(sample, layer)));
                }
            });
            drift.add(new LayerDrift(layer, byTask));
        }
        return drift;
    }
}
