package dev.fulcrum.plugins.logistic;

import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One softmax output layer per task, named after it, reading the input directly; no trunk. Weights
 * start at zero, as in the usual solvers: the loss is convex, so the start only matters when
 * training stops early.
 */
final class LogisticArchitecture implements ModelArchitecture {

    private final double l2;

    LogisticArchitecture(double l2) {
        this.l2 = l2;
    }

    @Override
    public TrainableModel build(ModelSpec spec) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(spec.updater())
                .weightInit(WeightInit.ZERO);
        if (l2 > 0) {
            base.l2(l2);
        }
        ComputationGraphConfiguration.GraphBuilder graph = base.graphBuilder().addInputs("features");
        Map<String, List<String>> heads = new LinkedHashMap<>();
        for (Task task : spec.tasks()) {
            graph.addLayer(task.name(), new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nIn(spec.inputSize()).nOut(task.classCount()).activation(Activation.SOFTMAX).build(), "features");
            heads.put(task.name(), List.of(task.name()));
        }
        graph.setOutputs(spec.tasks().stream().map(Task::name).toArray(String[]::new));
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return new TrainableModel(network, List.of(), heads);
    }
}
