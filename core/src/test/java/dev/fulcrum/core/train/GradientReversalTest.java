package dev.fulcrum.core.train;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GradientReversalTest {

    private static final INDArray INPUT = Nd4j.create(new double[][] {{0.5, -1}, {2, 0.25}, {-0.3, 0.8}}).castTo(DataType.DOUBLE);
    private static final INDArray LABELS = Nd4j.create(new double[][] {{1}, {-2}, {0.5}}).castTo(DataType.DOUBLE);

    /** input -> dense "trunk" -> [reversal] -> dense output "out", MSE; same initial weights either way. */
    private static ComputationGraph graph(boolean reversal) {
        ComputationGraphConfiguration.GraphBuilder builder = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).graphBuilder().addInputs("in")
                .addLayer("trunk", new DenseLayer.Builder().nIn(2).nOut(3).activation(Activation.TANH).build(), "in");
        if (reversal) {
            builder.addVertex("reversal", new GradientReversal(), "trunk");
        }
        ComputationGraph graph = new ComputationGraph(builder.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nIn(3).nOut(1).activation(Activation.IDENTITY).build(), reversal ? "reversal" : "trunk").setOutputs("out").build());
        graph.init();
        return graph;
    }

    private static INDArray gradient(ComputationGraph graph, String parameter) {
        graph.setInputs(INPUT);
        graph.setLabels(LABELS);
        graph.computeGradientAndScore();
        return graph.gradient().getGradientFor(parameter).dup();
    }

    @Test
    void identityForwardAndReversedScaledGradientBackward() {
        ComputationGraph plain = graph(false);
        ComputationGraph reversed = graph(true);
        reversed.setParams(plain.params());
        ((GradientReversalVertex) reversed.getVertex("reversal")).setLambda(0.7);
        assertEquals(plain.outputSingle(INPUT), reversed.outputSingle(INPUT));
        INDArray trunkPlain = gradient(plain, "trunk_W");
        INDArray trunkReversed = gradient(reversed, "trunk_W");
        assertEquals(0, trunkReversed.add(trunkPlain.mul(0.7)).norm2Number().doubleValue(), 1e-12);
        assertEquals(0, gradient(reversed, "out_W").sub(gradient(plain, "out_W")).norm2Number().doubleValue(), 1e-12,
                "layers after the reversal learn as usual");
    }
}
