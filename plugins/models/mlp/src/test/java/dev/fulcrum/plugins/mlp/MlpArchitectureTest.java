package dev.fulcrum.plugins.mlp;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.testkit.ParamsYaml;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MlpArchitectureTest {

    private static final List<Task> TASKS = List.of(new Task("specific", List.of("a", "b")),
            new Task("general", List.of("p", "q", "r")));

    private static TrainableModel build(MlpParams params, long seed) {
        return new MlpArchitecture(params).build(new ModelSpec(5, null, TASKS, seed, new Adam(1e-3)));
    }

    @Test
    void namedTrunkAndOneSoftmaxHeadPerTask() {
        TrainableModel model = build(new MlpParams(List.of(8, 4), List.of(3), null, null, null, null), 1);
        assertEquals(List.of("dense-1", "dense-2"), model.trunkLayers());
        assertEquals(Map.of("specific", List.of("specific-dense-1", "specific"), "general", List.of("general-dense-1", "general")),
                model.headLayers());
        assertEquals(List.of("specific", "general"), model.outputs());
        // weights + biases: 5*8+8, 8*4+4, per head 4*3+3 and 3*classes+classes
        assertEquals(48 + 36 + (15 + 8) + (15 + 12), model.graph().numParams());
        var outputs = model.graph().output(Nd4j.rand(DataType.FLOAT, 7, 5));
        assertArrayEquals(new long[] {7, 2}, outputs[0].shape());
        assertArrayEquals(new long[] {7, 3}, outputs[1].shape());
        assertEquals(7.0, outputs[1].sumNumber().doubleValue(), 1e-4);
    }

    @Test
    void sameSeedSameWeights() {
        MlpParams params = new MlpParams(null, null, null, null, null, null);
        assertEquals(build(params, 3).graph().params(), build(params, 3).graph().params());
        assertNotEquals(build(params, 3).graph().params(), build(params, 4).graph().params());
    }

    @Test
    void dropoutDropsHiddenActivationsNotInputs() {
        TrainableModel model = build(new MlpParams(List.of(8, 4), null, null, 0.25, null, null), 1);
        assertNull(layer(model, "dense-1").getIDropout());
        assertEquals(0.75, ((Dropout) layer(model, "dense-2").getIDropout()).getP());
        assertEquals(0.75, ((Dropout) layer(model, "specific").getIDropout()).getP());
    }

    private static BaseLayer layer(TrainableModel model, String name) {
        return (BaseLayer) model.graph().getLayer(name).conf().getLayer();
    }

    @Test
    void takesImageRowsAsFlatFeatures() {
        TrainableModel model = new MlpArchitecture(new MlpParams(List.of(5), null, null, null, null, null))
                .build(new ModelSpec(12, new ImageShape(1, 3, 4), TASKS, 1, new Adam(1e-3)));
        assertArrayEquals(new long[] {2, 3}, model.graph().output(Nd4j.rand(DataType.FLOAT, 2, 12))[1].shape());
    }

    @Test
    void badParamsNameTheirYamlField() {
        assertEquals("activation", assertThrows(InvalidParamsException.class,
                () -> new MlpParams(null, null, "swishy", null, null, null)).field());
        assertEquals("params.yaml:1: weight-decay: must be at least 0, got -1.0", ParamsYaml.error(MlpParams.class, "weight-decay: -1.0"));
        assertEquals("params.yaml:1: clip-norm: must be positive, got 0.0", ParamsYaml.error(MlpParams.class, "clip-norm: 0.0"));
        assertEquals("params.yaml:1: dropout: must be in [0, 1), got 1.0", ParamsYaml.error(MlpParams.class, "dropout: 1.0"));
        assertEquals("params.yaml:1: hidden: needs at least one layer, got []", ParamsYaml.error(MlpParams.class, "hidden: []"));
        assertEquals("params.yaml:3: hidden[1]: must be at least 1, got 0", ParamsYaml.error(MlpParams.class, "hidden:\n  - 8\n  - 0\n"));
        assertEquals("params.yaml:1: head-hidden[0]: must be at least 1, got -4", ParamsYaml.error(MlpParams.class, "head-hidden: [-4]"));
    }
}
