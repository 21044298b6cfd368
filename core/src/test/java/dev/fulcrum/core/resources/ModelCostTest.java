package dev.fulcrum.core.resources;

import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.ModelGraph;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.Regularization;
import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelCostTest {

    private static final List<Task> TEN_CLASSES = List.of(new Task("specific",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));

    @Test
    void theFashionMlpHasExactlyItsWeightsAndBiasesAndTwoFlopsPerWeightPlusOnePerBias() {
        ModelSpec spec = new ModelSpec(784, null, TEN_CLASSES, 1, new Adam(1e-3));
        ModelGraph graph = ModelGraph.start(spec, Activation.RELU, new Regularization(0, 0, null));
        graph.trunk("dense-1", new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build(), ModelGraph.INPUT);
        graph.trunk("dense-2", new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build(), "dense-1");
        TrainableModel model = graph.build("dense-2", List.of());

        ModelCost cost = ModelCost.of(model.graph(), InputType.feedForward(784));

        assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10, cost.parameters());
        assertEquals(235_146, cost.parameters());
        assertEquals(model.graph().numParams(), cost.parameters());
        assertEquals(List.of(new ModelCost.LayerCost("dense-1", ModelCost.DENSE, 200_960, 200_960, 2 * 784 * 256 + 256),
                new ModelCost.LayerCost("dense-2", ModelCost.DENSE, 32_896, 32_896, 2 * 256 * 128 + 128),
                new ModelCost.LayerCost("specific", ModelCost.DENSE, 1_290, 1_290, 2 * 128 * 10 + 10)), cost.layers());
        assertEquals(469_898, cost.forwardFlops());
        assertEquals(32_896 + 1_290, cost.trainableParameters(List.of("dense-2", "specific")));
    }

    @Test
    void aConvolutionCountsEveryWindowOfItsOutputAndBatchNormStatisticsAreNotTrainable() {
        ModelSpec spec = new ModelSpec(28 * 28, new ImageShape(1, 28, 28), TEN_CLASSES, 1, new Adam(1e-3));
        ModelGraph graph = ModelGraph.start(spec, Activation.RELU, new Regularization(0, 0, null));
        graph.trunk("conv-1", new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(8).activation(Activation.RELU)
                .convolutionMode(ConvolutionMode.Truncate).build(), ModelGraph.INPUT);
        graph.trunk("norm", new BatchNormalization.Builder().build(), "conv-1");
        TrainableModel model = graph.build("norm", List.of());

        ModelCost cost = ModelCost.of(model.graph(), InputType.convolutionalFlat(28, 28, 1));

        // 26 x 26 windows per filter (28 - 3 + 1), 8 filters; each window 3 * 3 * 1 multiply-adds and a bias.
        ModelCost.LayerCost conv = cost.layers().get(0);
        assertEquals(new ModelCost.LayerCost("conv-1", ModelCost.CONVOLUTION, 8 * 9 + 8, 8 * 9 + 8,
                26L * 26 * 8 * (2 * 9) + 26 * 26 * 8), conv);
        assertEquals(102_752, conv.forwardFlops());
        // gamma, beta, mean, variance per channel; only gamma and beta learn. 4 FLOPs per value in training.
        assertEquals(new ModelCost.LayerCost("norm", ModelCost.BATCH_NORM, 4 * 8, 2 * 8, 4L * 26 * 26 * 8), cost.layers().get(1));
        assertEquals(new ModelCost.LayerCost("specific", ModelCost.DENSE, 26 * 26 * 8 * 10 + 10, 26 * 26 * 8 * 10 + 10,
                2L * 26 * 26 * 8 * 10 + 10), cost.layers().get(2));
        assertEquals(model.graph().numParams(), cost.parameters());
    }

    @Test
    void selfAttentionCountsItsFourProjectionsAndTheTwoTokenByTokenProducts() {
        int width = 16;
        int tokens = 7;
        int heads = 2;
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .graphBuilder().addInputs("features").setInputTypes(InputType.feedForward(width * tokens))
                .addVertex("tokens", new ReshapeVertex(-1, width, tokens), "features")
                .addLayer("attention", new SelfAttentionLayer.Builder().nIn(width).nOut(width).nHeads(heads)
                        .headSize(width / heads).projectInput(true).build(), "tokens")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "attention")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX)
                        .build(), "pool")
                .setOutputs("out").build());
        graph.init();

        ModelCost cost = ModelCost.of(graph, InputType.feedForward(width * tokens));

        ModelCost.LayerCost attention = cost.layers().get(0);
        assertEquals(ModelCost.ATTENTION, attention.kind());
        // W_q, W_k, W_v: width x (heads * head size) each; W_o: (heads * head size) x width; no biases
        assertEquals(4L * width * width, attention.parameters());
        long projections = 3L * tokens * 2 * width * width + (long) tokens * 2 * width * width;
        long tokenByToken = 2L * tokens * tokens * width + 2L * tokens * tokens * width;
        assertEquals(projections + tokenByToken, attention.forwardFlops());
        assertEquals(List.of("attention", "out"), cost.layers().stream().map(ModelCost.LayerCost::layer).toList(),
                "pooling has neither parameters nor counted FLOPs");
    }
}
