package dev.fulcrum.core.train;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.NetworkUtils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Freezing by a zero rate must hold for SameDiff layers too, which DL4J's own rate setter skips. */
class LearningRatesTest {

    private static ComputationGraph graph() {
        var conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).updater(new Adam(1e-2)).graphBuilder()
                .addInputs("in").setInputTypes(InputType.recurrent(4, 5))
                .addLayer("attention", new SelfAttentionLayer.Builder().nIn(4).nOut(4).nHeads(2).headSize(2).projectInput(true).build(), "in")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "attention")
                .addLayer("dense", new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build(), "pool")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    private static void train(ComputationGraph graph) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 8, 2);
        for (int i = 0; i < 8; i++) {
            labels.putScalar(i, i % 2, 1);
        }
        MultiDataSet data = new MultiDataSet(Nd4j.rand(DataType.FLOAT, 8, 4, 5), labels);
        for (int i = 0; i < 5; i++) {
            graph.fit(data);
        }
    }

    @Test
    void aZeroRateFreezesASameDiffLayerWhileTheOthersLearn() {
        ComputationGraph graph = graph();
        train(graph);
        new LearningRates(graph).apply(Map.of("attention", 0.0, "dense", 1e-2, "out", 1e-2));
        INDArray attention = graph.getLayer("attention").params().dup();
        INDArray dense = graph.getLayer("dense").params().dup();
        train(graph);
        assertEquals(attention, graph.getLayer("attention").params());
        assertNotEquals(dense, graph.getLayer("dense").params());
    }

    @Test
    void unfreezingASameDiffLayerMakesItLearnAgainAndSetsBaseLayerRates() {
        ComputationGraph graph = graph();
        LearningRates rates = new LearningRates(graph);
        rates.apply(Map.of("attention", 0.0, "dense", 0.0, "out", 1e-2));
        train(graph);
        rates.apply(Map.of("attention", 5e-3, "dense", 0.0, "out", 1e-2));
        INDArray attention = graph.getLayer("attention").params().dup();
        INDArray dense = graph.getLayer("dense").params().dup();
        train(graph);
        assertNotEquals(attention, graph.getLayer("attention").params());
        assertEquals(dense, graph.getLayer("dense").params());
        assertEquals(0.0, NetworkUtils.getLearningRate(graph, "dense"));
        assertEquals(1e-2, NetworkUtils.getLearningRate(graph, "out"));
    }
}
