package dev.fulcrum.core.train;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.NetworkUtils;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sets per-layer learning rates on a graph, for layers of every kind. DL4J's
 * {@code NetworkUtils.setLearningRate} changes only {@code BaseLayer} updaters and silently skips
 * SameDiff layers (self-attention among them), so a "frozen" attention layer would keep learning.
 * This class gives each changed layer an updater with its new rate, then has DL4J rebuild the graph's
 * updater once, which splits its blocks by rate and keeps every parameter's Adam state.
 */
final class LearningRates {

    private final ComputationGraph graph;
    private final Map<String, Double> current = new HashMap<>();

    LearningRates(ComputationGraph graph) {
        this.graph = graph;
    }

    /** Sets the rate of each named layer; layers left out keep theirs. */
    void apply(Map<String, Double> rates) {
        String anyBaseLayer = null;
        boolean changed = false;
        for (Map.Entry<String, Double> entry : rates.entrySet()) {
            Layer layer = graph.getLayer(entry.getKey()).conf().getLayer();
            if (layer instanceof BaseLayer && anyBaseLayer == null) {
                anyBaseLayer = entry.getKey();
            }
            if (Objects.equals(current.get(entry.getKey()), entry.getValue())) {
                continue;
            }
            setRate(entry.getKey(), layer, entry.getValue());
            current.put(entry.getKey(), entry.getValue());
            changed = true;
        }
        if (!changed) {
            return;
        }
        if (anyBaseLayer == null) {
            throw new IllegalStateException("cannot rebuild the updater: none of the layers " + rates.keySet() + " is a BaseLayer");
        }
        // Setting a BaseLayer's rate makes NetworkUtils rebuild the whole updater from every layer's
        // current configuration (its refresh is not public); the rate set here is the one it has.
        NetworkUtils.setLearningRate(graph, anyBaseLayer, current.get(anyBaseLayer));
    }

    /** The rate set on each layer so far; DL4J's updater blocks, and so its state's layout, follow them. */
    Map<String, Double> current() {
        return Map.copyOf(current);
    }

    private static void setRate(String name, Layer layer, double rate) {
        if (layer instanceof BaseLayer base) {
            base.setIUpdater(withRate(base.getIUpdater(), rate));
            base.setBiasUpdater(withRate(base.getBiasUpdater(), rate));
        } else if (layer instanceof AbstractSameDiffLayer sameDiff) {
            sameDiff.setUpdater(withRate(sameDiff.getUpdater(), rate));
            sameDiff.setBiasUpdater(withRate(sameDiff.getBiasUpdater(), rate));
        } else if (layer.initializer().numParams(layer) > 0) {
            throw new IllegalStateException("cannot set the learning rate of layer " + name + ", a "
                    + layer.getClass().getSimpleName() + " with parameters but no updater Fulcrum knows");
        }
    }

    /** A copy with the rate (a copy, since layers built from one configuration may share an updater). */
    private static IUpdater withRate(IUpdater updater, double rate) {
        if (updater == null || !updater.hasLearningRate()) {
            return updater;
        }
        IUpdater copy = updater.clone();
        copy.setLrAndSchedule(rate, null);
        return copy;
    }
}
