package dev.fulcrum.runtime;

import dev.fulcrum.api.InvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real DL4J network saved as a run saves it, with a feature transform whose factory the class path's
 * {@code META-INF/extensions.idx} lists, loaded without a host and predicting.
 */
class FulcrumModelTest {

    private static final String DESCRIPTION = """
            {"trunk": [], "heads": {"specific": ["specific"]},
             "input_schema": {"features": [{"name": "a", "origin": "test"}, {"name": "colour", "origin": "test",
               "categories": ["green", "red"]}], "tasks": [{"name": "specific", "classes": ["no", "yes"]}],
               "domains": ["source"]},
             "schema": {"features": [{"name": "a", "origin": "test"}, {"name": "colour", "origin": "test",
               "categories": ["green", "red"]}], "tasks": [{"name": "specific", "classes": ["no", "yes"]}],
               "domains": ["source"]}}
            """;

    @TempDir
    Path run;

    @Test
    void loadsARunFolderAndPredictsAsTheNetworkDoesOnTheTransformedRows() throws IOException {
        ComputationGraph graph = network();
        save(graph, "features: [{type: test-shift, scale: 2.0}]\n");
        FulcrumModel model = FulcrumModel.load(run);

        PredictionBatch batch = model.predict(List.of(Map.of("a", 0.5, "colour", "red"), Map.of("a", "-1.5", "colour", "green")));

        // the saved offset [1, 0] times scale 2, then the network itself
        INDArray expected = graph.outputSingle(false, Nd4j.create(new float[][] {{2.5f, 1f}, {0.5f, 0f}}));
        TaskPredictions specific = batch.task("specific");
        assertEquals(List.of("specific"), batch.tasks());
        assertEquals(List.of("no", "yes"), specific.classes());
        for (int row = 0; row < 2; row++) {
            assertArrayEquals(expected.getRow(row).toFloatVector(), specific.probabilities(row), 1e-6f);
            assertEquals(expected.getRow(row).argMax().getInt(0), specific.classIndex(row));
            assertEquals(specific.classes().get(specific.classIndex(row)), specific.className(row));
        }
        PredictionBatch values = model.predict(new float[][] {{0.5f, 1f}, {-1.5f, 0f}});
        assertArrayEquals(specific.probabilities(1), values.task("specific").probabilities(1));
    }

    @Test
    void refusesAnUnseenCategoryAMissingColumnAndAnExtraOneNamingTheColumn() throws IOException {
        save(network(), "features: []\n");
        FulcrumModel model = FulcrumModel.load(run.resolve(ModelZip.FILE));
        assertEquals("row 0, column colour: category \"blue\" was never seen in training; the model knows [green, red]",
                assertThrows(InvalidInputException.class, () -> model.predict(List.of(Map.of("a", 1, "colour", "blue")))).getMessage());
        assertEquals("column colour: missing; the model takes the feature columns [a, colour]",
                assertThrows(InvalidInputException.class, () -> model.predict(List.of(Map.of("a", 1)))).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> model.predict(List.of(Map.of("a", 1, "colour", "red", "b", 2))))
                .getMessage().startsWith("column b: the model does not take it; it takes the feature columns [a, colour]"));
        assertEquals("row 0: has 3 values; the model takes 2 feature values [a, colour]",
                assertThrows(InvalidInputException.class, () -> model.predict(new float[][] {{1, 0, 2}})).getMessage());
    }

    @Test
    void aTransformTypeNotOnTheClassPathIsNamedWithWhatToAdd() throws IOException {
        save(network(), "features:\n  - {type: pca}\n");
        String message = assertThrows(InvalidInputException.class, () -> FulcrumModel.load(run)).getMessage();
        assertTrue(message.startsWith(run.resolve(ModelZip.FILE) + "!fulcrum/pipeline.yaml:4: features[0].type: no feature extractor \"pca\" "
                + "on the class path; add the jar of the plugin that provides it (for a type bundled with Fulcrum, the artifact "
                + "dev.fulcrum:fulcrum-plugin-<plugin>"), message);
        assertTrue(message.contains("found: test-shift; not usable: dev.fulcrum.runtime.InjectedFactory has no public "
                + "no-argument constructor (the host makes it through Guice), so it cannot be made without the host"), message);
    }

    /**
     * An adapter that changed the run's features and saved no transform (a plain DomainAdapter), and
     * an archive that records no adaptation at all: new rows would reach the network unadapted, so
     * the model refuses them, naming the adapter.
     */
    @Test
    void anAdapterThatSavedNothingMakesTheModelRefuseNewRowsNamingIt() throws IOException {
        String pipeline = "features: []\nadapt: [{type: test-adapter}]\n";
        save(network(), pipeline, DESCRIPTION.replace("\"trunk\": []", "\"adapt\": [{\"type\": \"test-adapter\", \"at_prediction\": \"unsaved\"}], \"trunk\": []"));
        String expected = run.resolve(ModelZip.FILE) + ": the run's domain adapters [adapt[0] (test-adapter)] changed its features and "
                + "saved nothing to adapt new rows with (only a TransformingDomainAdapter does), so this model cannot predict new "
                + "rows as the run predicted its own";
        assertEquals(expected, assertThrows(InvalidInputException.class,
                () -> FulcrumModel.load(run).predict(List.of(Map.of("a", 1, "colour", "red")))).getMessage());
        save(network(), pipeline, DESCRIPTION);
        assertEquals(expected, assertThrows(InvalidInputException.class,
                () -> FulcrumModel.load(run).predict(List.of(Map.of("a", 1, "colour", "red")))).getMessage());
    }

    @Test
    void anAdapterThatChangedNoFeatureLeavesNewRowsAsTheyAre() throws IOException {
        ComputationGraph graph = network();
        save(graph, "features: []\nadapt: [{type: test-adapter}]\n",
                DESCRIPTION.replace("\"trunk\": []", "\"adapt\": [{\"type\": \"test-adapter\", \"at_prediction\": \"none\"}], \"trunk\": []"));
        float[] predicted = FulcrumModel.load(run).predict(List.of(Map.of("a", 0.5, "colour", "red"))).task("specific").probabilities(0);
        assertArrayEquals(graph.outputSingle(false, Nd4j.create(new float[][] {{0.5f, 1f}})).getRow(0).toFloatVector(), predicted, 1e-6f);
    }

    @Test
    void aFolderWithoutAModelIsNotARun() {
        assertEquals(run + ": not a run folder with a saved model (it has no model.zip)",
                assertThrows(InvalidInputException.class, () -> FulcrumModel.load(run)).getMessage());
    }

    private static ComputationGraph network() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .graphBuilder().addInputs("input")
                .addLayer("specific", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "input")
                .setOutputs("specific").build());
        graph.init();
        return graph;
    }

    /** A model.zip as a run writes it: DL4J's entries, then Fulcrum's. */
    private void save(ComputationGraph graph, String features) throws IOException {
        save(graph, features, DESCRIPTION);
    }

    /** A model.zip with the given end of its pipeline config and the given {@code model.json}. */
    private void save(ComputationGraph graph, String features, String description) throws IOException {
        Path network = run.resolve("network.zip");
        ModelSerializer.writeModel(graph, network.toFile(), false);
        try (ZipFile source = new ZipFile(network.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(run.resolve(ModelZip.FILE)))) {
            Enumeration<? extends ZipEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = source.getInputStream(entry)) {
                    in.transferTo(out);
                }
            }
            text(out, ModelZip.PIPELINE, "name: test\nseed: 1\n" + features);
            text(out, ModelZip.DESCRIPTION, description);
            if (!features.contains("[]")) {
                out.putNextEntry(new ZipEntry(ModelZip.FEATURES + "0/offset"));
                DataOutputStream data = new DataOutputStream(out);
                Nd4j.write(Nd4j.create(new float[] {1f, 0f}, new long[] {1, 2}, DataType.FLOAT), data);
                data.flush();
            }
        }
        Files.delete(network);
    }

    private static void text(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(ModelZip.PREFIX + name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
    }
}
