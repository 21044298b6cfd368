package dev.fulcrum.core.train;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.LayerActivations;
import dev.fulcrum.api.model.TrainableModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session's trunk activations on real DL4J graphs: what the layers compute, on which rows. */
class TrunkActivationsTest {

    @TempDir
    Path folder;

    @Test
    void everyTrunkLayerOutputsWhatItComputesOnTheTaskTrainingRows() {
        Dataset data = InterpolationTest.data();
        TrainableModel model = InterpolationTest.model(true, 8);
        HostTrainingSession session = InterpolationTest.session(folder, model, data, "run");

        LayerActivations activations = session.trunkActivations("specific", 10_000);

        int[] rows = data.labelledRows("specific", Partition.TRAIN);
        assertEquals(List.of("trunk", "bn"), activations.layers());
        assertEquals(rows.length, activations.rows());
        int[] labels = data.labels("specific");
        assertArrayEquals(Arrays.stream(rows).map(row -> labels[row]).toArray(), activations.labels());
        assertEquals(2, activations.classes());
        INDArray x = Nd4j.pullRows(data.features(), 1, rows);
        INDArray dense = Transforms.tanh(x.mmul(model.graph().getParam("trunk_W")).addRowVector(model.graph().getParam("trunk_b")));
        assertArrayEquals(dense.ravel().toDoubleVector(), activations.of("trunk").ravel().toDoubleVector(), 1e-5);
        assertEquals(8, activations.of("bn").columns());
    }

    @Test
    void moreRowsThanAskedForGiveASeededSampleInRowOrder() {
        Dataset data = InterpolationTest.data();
        TrainableModel model = InterpolationTest.model(false, 8);
        HostTrainingSession session = InterpolationTest.session(folder, model, data, "run");

        LayerActivations sample = session.trunkActivations("general", 50);

        assertEquals(50, sample.rows());
        LayerActivations again = session.trunkActivations("general", 50);
        assertArrayEquals(sample.of("trunk").ravel().toDoubleVector(), again.of("trunk").ravel().toDoubleVector());
        LayerActivations all = session.trunkActivations("general", 10_000);
        double[] first = sample.of("trunk").getRow(0).toDoubleVector();
        boolean found = false;
        for (int row = 0; row < all.rows() && !found; row++) {
            found = Arrays.equals(first, all.of("trunk").getRow(row).toDoubleVector());
        }
        assertTrue(found, "a sampled row's activations are those of a training row");
        assertThrows(IllegalArgumentException.class, () -> sample.of("no-such-layer"));
    }

    @Test
    void theTrainingInputsAreTheInputsOfTheRowsTheActivationsMeasure() {
        Dataset data = InterpolationTest.data();
        TrainableModel model = InterpolationTest.model(false, 8);
        HostTrainingSession session = InterpolationTest.session(folder, model, data, "run");

        INDArray inputs = session.trainingInputs("general", 50);
        LayerActivations sample = session.trunkActivations("general", 50);

        assertEquals(50, inputs.rows());
        INDArray dense = Transforms.tanh(inputs.mmul(model.graph().getParam("trunk_W")).addRowVector(model.graph().getParam("trunk_b")));
        assertArrayEquals(dense.ravel().toDoubleVector(), sample.of("trunk").ravel().toDoubleVector(), 1e-5);
    }

    @Test
    void aTaskWithoutLabelledTrainingRowsIsRefused() {
        Dataset data = InterpolationTest.data();
        int[] none = new int[data.rows()];
        Arrays.fill(none, Dataset.NO_LABEL);
        Dataset unlabelled = data.withLabels("specific", none);
        HostTrainingSession session = InterpolationTest.session(folder, InterpolationTest.model(false, 8), unlabelled, "run");

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> session.trunkActivations("specific", 100));
        assertTrue(refused.getMessage().contains("specific"), refused.getMessage());
    }
}
