package dev.fulcrum.api.model;

import dev.fulcrum.api.Stable;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A built network: a DL4J {@link ComputationGraph} with one input, a named shared trunk and one head
 * per task. Each head ends in an output layer named after its task, so the graph's outputs are the
 * task names. Strategies freeze, unfreeze and re-rate layers by these names.
 */
@Stable
public final class TrainableModel {

    private final ComputationGraph graph;
    private final List<String> trunkLayers;
    private final Map<String, List<String>> headLayers;

    /**
     * @param trunkLayers the shared layers with parameters, from input to output
     * @param headLayers per task, its own layers with parameters, ending with the output layer named after the task
     */
    public TrainableModel(ComputationGraph graph, List<String> trunkLayers, Map<String, List<String>> headLayers) {
        this.graph = graph;
        this.trunkLayers = List.copyOf(trunkLayers);
        this.headLayers = new LinkedHashMap<>();
        headLayers.forEach((task, layers) -> this.headLayers.put(task, List.copyOf(layers)));
        Set<String> known = new HashSet<>();
        for (var layer : graph.getLayers()) {
            known.add(layer.conf().getLayer().getLayerName());
        }
        for (String layer : allLayers()) {
            if (!known.contains(layer)) {
                throw new IllegalArgumentException("layer " + layer + " is not in the graph, which has " + known);
            }
        }
        List<String> outputs = graph.getConfiguration().getNetworkOutputs();
        if (!new HashSet<>(outputs).equals(this.headLayers.keySet())) {
            throw new IllegalArgumentException("graph outputs " + outputs + " must be the task names " + this.headLayers.keySet());
        }
        this.headLayers.forEach((task, layers) -> {
            if (layers.isEmpty() || !layers.get(layers.size() - 1).equals(task)) {
                throw new IllegalArgumentException("the head of task " + task + " must end with an output layer named " + task);
            }
        });
        if (graph.getConfiguration().getNetworkInputs().size() != 1) {
            throw new IllegalArgumentException("a model takes one input, this graph has " + graph.getConfiguration().getNetworkInputs());
        }
    }

    public ComputationGraph graph() {
        return graph;
    }

    public List<String> trunkLayers() {
        return trunkLayers;
    }

    public Map<String, List<String>> headLayers() {
        return headLayers;
    }

    public List<String> headLayers(String task) {
        List<String> layers = headLayers.get(task);
        if (layers == null) {
            throw new IllegalArgumentException("no head for task " + task + "; heads are " + headLayers.keySet());
        }
        return layers;
    }

    /** Trunk layers, then each head's layers. */
    public List<String> allLayers() {
        List<String> all = new ArrayList<>(trunkLayers);
        headLayers.values().forEach(all::addAll);
        return all;
    }

    /** The task names, in the graph's output order. */
    public List<String> outputs() {
        return graph.getConfiguration().getNetworkOutputs();
    }
}
