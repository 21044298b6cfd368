package dev.fulcrum.plugins.mlp;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MlpArchitectureTest {

    private static final List<Task> TASKS = List.of(new Task("specific", List.of("a", "b")), new Task("general", List.of("x", "y", "z")));

    @Test
    void namesTrunkAndHeadLayersAndDropsOnlyHiddenActivations() {
        MlpParams params = new MlpParams(List.of(8, 4), List.of(3), null, 0.5, null, null);
        TrainableModel model = new MlpArchitecture(params).build(new ModelSpec(6, null, TASKS, 1, new Adam(1e-3)));
        assertEquals(List.of("dense-1", "dense-2"), model.trunkLayers());
        assertEquals(Map.of("specific", List.of("specific-dense-1", "specific"), "general", List.of("general-dense-1", "general")),
                model.headLayers());
        assertNull(((BaseLayer) model.graph().getLayer("dense-1").conf().getLayer()).getIDropout());
        assertEquals(new Dropout(0.5), ((BaseLayer) model.graph().getLayer("dense-2").conf().getLayer()).getIDropout());
        assertEquals(new Dropout(0.5), ((BaseLayer) model.graph().getLayer("general").conf().getLayer()).getIDropout());
    }

    @Test
    void takesImageRowsAsFlatFeatures() {
        TrainableModel model = new MlpArchitecture(new MlpParams(List.of(5), null, null, null, null, null))
                .build(new ModelSpec(12, new ImageShape(1, 3, 4), TASKS, 1, new Adam(1e-3)));
        assertArrayEquals(new long[] {2, 3}, model.graph().output(Nd4j.rand(DataType.FLOAT, 2, 12))[1].shape());
    }

    @Test
    void regularizationParamsAreCheckedByTheirYamlNames() {
        assertEquals("weight-decay", assertThrows(InvalidParamsException.class,
                () -> new MlpParams(null, null, null, null, -1.0, null)).field());
        assertEquals("clip-norm", assertThrows(InvalidParamsException.class,
                () -> new MlpParams(null, null, null, null, null, 0.0)).field());
        assertEquals("activation", assertThrows(InvalidParamsException.class,
                () -> new MlpParams(null, null, "swish", null, null, null)).field());
    }
}
