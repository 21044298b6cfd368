package dev.fulcrum.plugins.multitask;

import dev.fulcrum.api.train.LayerRates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cosine annealing without restarts (Loshchilov and Hutter, 2017), one step per epoch: every layer
 * trains in epoch {@code e} of {@code E} at {@code (1 + cos(pi e / E)) / 2} of the phase's rate, so the
 * last epochs take small steps and the final weights do not land on a noisy high-rate step.
 */
final class CosineSchedule implements LayerRates {

    private final List<String> layers;
    private final int epochs;

    CosineSchedule(List<String> layers, int epochs) {
        this.layers = List.copyOf(layers);
        this.epochs = epochs;
    }

    static double factor(int epoch, int epochs) {
        return (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
    }

    @Override
    public Map<String, Double> at(int epoch) {
        double factor = factor(epoch, epochs);
        Map<String, Double> rates = new LinkedHashMap<>();
        layers.forEach(layer -> rates.put(layer, factor));
        return rates;
    }
}
