package dev.fulcrum.api.model;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.data.Task;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every architecture plugin shares when it builds a {@link TrainableModel}: the base
 * configuration (the spec's seed and updater, FLOAT, weight init for the activation, weight decay and
 * clipping), the input type (images where the spec has an image shape, so DL4J infers layer sizes
 * and inserts reshaping), a trunk whose layers with parameters are recorded by name, and one head per
 * task: hidden dense layers {@code <task>-dense-1..} then a softmax output layer named after the task.
 * An architecture adds its own trunk and calls {@link #build}.
 */
@Experimental
public final class ModelGraph {

    /** The name of the graph's input. */
    public static final String INPUT = "features";

    private final ModelSpec spec;
    private final Activation activation;
    private final Regularization regularization;
    private final ComputationGraphConfiguration.GraphBuilder graph;
    private final List<String> trunk = new ArrayList<>();

    private ModelGraph(ModelSpec spec, Activation activation, Regularization regularization) {
        this.spec = spec;
        this.activation = activation;
        this.regularization = regularization;
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(spec.updater())
                .weightInit(Activations.weightInit(activation));
        this.graph = regularization.applyTo(base).graphBuilder().addInputs(INPUT).setInputTypes(inputType(spec));
    }

    /** @param activation the hidden layers' activation, also used by the heads' hidden layers */
    public static ModelGraph start(ModelSpec spec, Activation activation, Regularization regularization) {
        return new ModelGraph(spec, activation, regularization);
    }

    private static InputType inputType(ModelSpec spec) {
        return spec.imageShape()
                .map(image -> InputType.convolutionalFlat(image.height(), image.width(), image.channels()))
                .orElse(InputType.feedForward(spec.inputSize()));
    }

    /** The graph, for layers and vertices without parameters (pooling, reshaping, residual sums). */
    public ComputationGraphConfiguration.GraphBuilder graph() {
        return graph;
    }

    public Regularization regularization() {
        return regularization;
    }

    /** Adds a trunk layer with parameters; strategies can then freeze or re-rate it by this name. */
    public ModelGraph trunk(String name, Layer layer, String... inputs) {
        graph.addLayer(name, layer, inputs);
        trunk.add(name);
        return this;
    }

    /**
     * Adds the heads on top of the trunk's last vertex, then builds and initialises the network.
     *
     * @param headHidden sizes of each head's own hidden layers before its output layer
     */
    public TrainableModel build(String trunkOutput, List<Integer> headHidden) {
        Map<String, List<String>> heads = new LinkedHashMap<>();
        for (Task task : spec.tasks()) {
            List<String> head = new ArrayList<>();
            String input = trunkOutput;
            for (int size : headHidden) {
                String name = task.name() + "-dense-" + (head.size() + 1);
                graph.addLayer(name, regularization.dropInput(new DenseLayer.Builder().nOut(size).activation(activation)).build(), input);
                head.add(name);
                input = name;
            }
            OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nOut(task.classCount()).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
            graph.addLayer(task.name(), regularization.dropInput(output).build(), input);
            head.add(task.name());
            heads.put(task.name(), head);
        }
        graph.setOutputs(spec.tasks().stream().map(Task::name).toArray(String[]::new));
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return new TrainableModel(network, trunk, heads);
    }
}
