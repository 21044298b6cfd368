package dev.fulcrum.plugins.layerwise;

import dev.fulcrum.api.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trunk cut into stages, and the learning-rate multipliers of each stage: 1 for the layers a
 * stage trains, 0 for the others (the heads are left out, so the phase's tasks' heads train).
 */
final class TrunkStages {

    private final List<String> trunk;
    /** Per stage, the index after its last trunk layer. */
    private final List<Integer> ends = new ArrayList<>();
    private final boolean greedy;

    /**
     * @param lastLayers the last layer of each stage, input side first; {@code null} for one stage per layer
     */
    TrunkStages(List<String> trunk, List<String> lastLayers, boolean greedy) {
        this.trunk = List.copyOf(trunk);
        this.greedy = greedy;
        if (lastLayers == null) {
            for (int i = 1; i <= trunk.size(); i++) {
                ends.add(i);
            }
            return;
        }
        for (String layer : lastLayers) {
            int end = trunk.indexOf(layer) + 1;
            if (end == 0) {
                throw new InvalidInputException("strategy.stages: the model has no trunk layer \"" + layer + "\"; trunk layers are " + trunk);
            }
            if (!ends.isEmpty() && end <= ends.get(ends.size() - 1)) {
                throw new InvalidInputException("strategy.stages: \"" + layer + "\" does not come after the previous stage's last layer; "
                        + "list stages input side first, from " + trunk);
            }
            ends.add(end);
        }
    }

    int count() {
        return ends.size();
    }

    /** The trunk layers stage {@code s} (from 0) trains. */
    List<String> trained(int stage) {
        int from = greedy && stage > 0 ? ends.get(stage - 1) : 0;
        return trunk.subList(from, ends.get(stage));
    }

    /** Multipliers for stage {@code s}: 1 for its layers, 0 for every other trunk layer. */
    Map<String, Double> rates(int stage) {
        List<String> trained = trained(stage);
        Map<String, Double> rates = new LinkedHashMap<>();
        trunk.forEach(layer -> rates.put(layer, trained.contains(layer) ? 1.0 : 0.0));
        return rates;
    }

    /** Multipliers with the whole trunk frozen. */
    Map<String, Double> frozen() {
        Map<String, Double> rates = new LinkedHashMap<>();
        trunk.forEach(layer -> rates.put(layer, 0.0));
        return rates;
    }
}
