package dev.fulcrum.plugins.mlp;

import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
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
 * Trunk layers {@code dense-1 .. dense-N} shared by all tasks; per task, optional hidden layers
 * {@code <task>-dense-1 ..} and a softmax output layer named after the task.
 */
final class MlpArchitecture implements ModelArchitecture {

    private final MlpParams params;

    MlpArchitecture(MlpParams params) {
        this.params = params;
    }

    @Override
    public TrainableModel build(ModelSpec spec) {
        Activation activation = Activations.parse(params.activation());
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(spec.updater())
                .weightInit(activation == Activation.RELU || activation == Activation.LEAKYRELU ? WeightInit.RELU : WeightInit.XAVIER);
        if (params.weightDecay() > 0) {
            base.weightDecay(params.weightDecay());
        }
        if (params.clipNorm() != null) {
            base.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(params.clipNorm());
        }
        ComputationGraphConfiguration.GraphBuilder graph = base.graphBuilder().addInputs("features");
        List<String> trunk = new ArrayList<>();
        String previous = "features";
        int width = spec.inputSize();
        for (int size : params.hidden()) {
            String name = "dense-" + (trunk.size() + 1);
            graph.addLayer(name, dense(width, size, activation, !trunk.isEmpty()), previous);
            trunk.add(name);
            previous = name;
            width = size;
        }
        Map<String, List<String>> heads = new LinkedHashMap<>();
        for (Task task : spec.tasks()) {
            List<String> head = new ArrayList<>();
            String input = previous;
            int inputWidth = width;
            for (int size : params.headHidden()) {
                String name = task.name() + "-dense-" + (head.size() + 1);
                graph.addLayer(name, dense(inputWidth, size, activation, true), input);
                head.add(name);
                input = name;
                inputWidth = size;
            }
            OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nIn(inputWidth).nOut(task.classCount()).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
            graph.addLayer(task.name(), withDropout(output).build(), input);
            head.add(task.name());
            heads.put(task.name(), head);
        }
        graph.setOutputs(spec.tasks().stream().map(Task::name).toArray(String[]::new));
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return new TrainableModel(network, trunk, heads);
    }

    /** @param hiddenInput whether the layer's input is a hidden layer's output (then dropout applies to it) */
    private DenseLayer dense(int nIn, int nOut, Activation activation, boolean hiddenInput) {
        DenseLayer.Builder layer = new DenseLayer.Builder().nIn(nIn).nOut(nOut).activation(activation);
        return (hiddenInput ? withDropout(layer) : layer).build();
    }

    /**
     * DL4J applies a layer's dropout to that layer's input, and its Dropout takes the probability of
     * keeping a unit; so hidden activations are dropped by configuring the layers that read them.
     */
    private <B extends org.deeplearning4j.nn.conf.layers.Layer.Builder<B>> B withDropout(B layer) {
        if (params.dropout() > 0) {
            layer.dropOut(new Dropout(1 - params.dropout()));
        }
        return layer;
    }
}
