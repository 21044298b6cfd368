package dev.fulcrum.plugins.attention;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.testkit.ParamsYaml;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttentionArchitectureTest {

    private static final List<Task> TASKS = List.of(new Task("specific", List.of("a", "b", "c")), new Task("general", List.of("x", "y")));

    private static AttentionParams params(String tokens, Integer patch, Integer blocks) {
        return new AttentionParams(tokens, patch, 8, 2, blocks, List.of(6), null, null, null, null, null);
    }

    @Test
    void imagePatchesBecomeTokensThroughNamedBlocks() {
        ImageShape image = new ImageShape(1, 8, 8);
        TrainableModel model = new AttentionArchitecture(params("auto", 4, 2))
                .build(new ModelSpec(64, image, TASKS, 1, new Adam(1e-3)));
        assertEquals(List.of("embed", "position", "attention-1", "ffn-1", "attention-2", "ffn-2", "dense-1"), model.trunkLayers());
        // 4 patches of width 8: one scale and one offset per token and width
        assertEquals(2 * 4 * 8, model.graph().getLayer("position").numParams());
        INDArray[] out = model.graph().output(Nd4j.rand(DataType.FLOAT, 3, 64));
        assertArrayEquals(new long[] {3, 3}, out[0].shape());
        assertArrayEquals(new long[] {3, 2}, out[1].shape());
    }

    @Test
    void plainFeaturesAreOneTokenEach() {
        TrainableModel model = new AttentionArchitecture(params("auto", null, 1))
                .build(new ModelSpec(5, null, TASKS, 1, new Adam(1e-3)));
        assertEquals(2 * 5 * 8, model.graph().getLayer("position").numParams());
        INDArray rows = Nd4j.rand(DataType.FLOAT, 4, 5);
        INDArray[] out = model.graph().output(rows);
        assertArrayEquals(new long[] {4, 3}, out[0].shape());
        INDArray swapped = rows.dup();
        swapped.putColumn(0, rows.getColumn(1));
        swapped.putColumn(1, rows.getColumn(0));
        assertNotEquals(out[0], model.graph().output(swapped)[0], "tokens must be told apart by their position");
    }

    @Test
    void patchesThatDoNotTileTheImageAreBadInput() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new AttentionArchitecture(params("patches", 3, 1))
                .build(new ModelSpec(64, new ImageShape(1, 8, 8), TASKS, 1, new Adam(1e-3))));
        assertEquals("model attention: patch 3 must divide the 8x8 images", error.getMessage());
    }

    @Test
    void patchesOfPlainFeaturesAreBadInput() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new AttentionArchitecture(params("patches", 2, 1))
                .build(new ModelSpec(10, null, TASKS, 1, new Adam(1e-3))));
        assertEquals(true, error.getMessage().startsWith("model attention: tokens: patches needs image rows"), error.getMessage());
    }

    @Test
    void headsThatDoNotDivideTheWidthAreNamedButABadWidthIsNamedFirst() {
        assertEquals("params.yaml:1: heads: must divide the width 32, got 3", ParamsYaml.error(AttentionParams.class, "heads: 3"));
        assertEquals("params.yaml:1: width: must be at least 1, got -3", ParamsYaml.error(AttentionParams.class, "width: -3"));
        assertEquals("params.yaml:1: heads: must be at least 1, got 0", ParamsYaml.error(AttentionParams.class, "heads: 0"));
    }
}
