package dev.fulcrum.plugins.encoder;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.features.FeatureTransform;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.RunFolder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EncoderTest {

    @TempDir
    Path folder;

    /** A model.zip as a Fulcrum run writes it: trunk dense-1 (3 -> width, identity, weights W and b), head specific. */
    private Path savedModel(String name, int width, float[][] weights, float[] bias) {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).graphBuilder()
                .addInputs("features")
                .addLayer("dense-1", new DenseLayer.Builder().nIn(3).nOut(width).activation(Activation.IDENTITY).build(), "features")
                .addLayer("specific", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(width).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "dense-1")
                .setOutputs("specific").build());
        graph.init();
        graph.getLayer("dense-1").setParam("W", Nd4j.createFromArray(weights));
        graph.getLayer("dense-1").setParam("b", Nd4j.createFromArray(bias).reshape(1, width));
        String description = """
                {"trunk": ["dense-1"], "heads": {"specific": ["specific"]},
                 "schema": {"features": [{"name": "x0", "origin": "t"}, {"name": "x1", "origin": "t"}, {"name": "x2", "origin": "t"}]}}
                """;
        RunFolder run = RunFolder.at(folder.resolve(name));
        run.path().toFile().mkdirs();
        ModelArchive.write(run, new TrainableModel(graph, List.of("dense-1"), Map.of("specific", List.of("specific"))),
                Map.of("model.json", description), List.of(), List.of());
        return run.path().resolve(ModelArchive.FILE);
    }

    private static final float[][] WEIGHTS = {{1, 0}, {2, -1}, {0, 3}};
    private static final float[] BIAS = {0.5f, -2};

    private static Dataset rows(String... names) {
        Schema schema = new Schema(java.util.Arrays.stream(names).map(n -> new dev.fulcrum.api.data.Feature(n, "t")).toList(),
                List.of(new Task("specific", List.of("a", "b"))), List.of(Domains.SOURCE), null);
        return Dataset.builder(schema, Nd4j.createFromArray(new float[][] {{1, 1, 1}, {2, 0, -1}})).build();
    }

    @Test
    void rowsBecomeTheActivationsOfTheTrunkLayer() {
        Path model = savedModel("a", 2, WEIGHTS, BIAS);
        Dataset out = new Encoder(new EncoderParams(model, null, null)).fit(rows("x0", "x1", "x2")).apply(rows("x0", "x1", "x2"));
        assertArrayEquals(new float[][] {{3.5f, 0}, {2.5f, -5}}, out.features().toFloatMatrix(), "x W + b");
        assertEquals(List.of("enc0", "enc1"), out.schema().featureNames());
        assertEquals("encoder(dense-1)", out.schema().features().get(0).origin());
    }

    @Test
    void aRestoredEncoderKeepsTheNetworkItWasTrainedWithThoughTheFileChanges() {
        Path model = savedModel("b", 2, WEIGHTS, BIAS);
        FeatureTransform fitted = new Encoder(new EncoderParams(model, "dense-1", null)).fit(rows("x0", "x1", "x2"));
        Map<String, INDArray> state = fitted.state();
        savedModel("b", 2, new float[][] {{0, 0}, {0, 0}, {0, 0}}, new float[] {9, 9});
        FeatureTransform restored = new Encoder(new EncoderParams(model, null, null)).restore(state);
        assertEquals(fitted.apply(rows("x0", "x1", "x2")).features(), restored.apply(rows("x0", "x1", "x2")).features());

        savedModel("b", 4, new float[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}, new float[4]);
        assertThrows(InvalidInputException.class, () -> new Encoder(new EncoderParams(model, null, null)).restore(state),
                "a network of another shape is not the one the model was trained with");
    }

    @Test
    void otherColumnsUnknownLayersAndMissingFilesAreRefused() {
        Path model = savedModel("c", 2, WEIGHTS, BIAS);
        FeatureTransform fitted = new Encoder(new EncoderParams(model, null, null)).fit(rows("x0", "x1", "x2"));
        assertThrows(InvalidInputException.class, () -> fitted.apply(rows("x0", "x1", "age")));
        assertEquals("layer", assertThrows(InvalidParamsException.class,
                () -> new Encoder(new EncoderParams(model, "specific", null)).fit(rows("x0", "x1", "x2"))).field());
        assertEquals("model", assertThrows(InvalidParamsException.class,
                () -> new EncoderFactory().create(new EncoderParams(folder.resolve("none.zip"), null, null), null)).field());
    }
}
