package dev.fulcrum.plugins.cnn;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.WeightDecay;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CnnArchitectureTest {

    private static final List<Task> TASKS = List.of(new Task("specific", List.of("a", "b", "c")), new Task("general", List.of("x", "y")));

    private static ModelSpec spec(ImageShape image) {
        return new ModelSpec(image.size(), image, TASKS, 1, new Adam(1e-3));
    }

    private static CnnParams params(List<Integer> filters, Integer kernel, Integer pool, Double dropout, Double decay, Double clip) {
        return new CnnParams(filters, kernel, null, pool, null, null, null, dropout, decay, clip);
    }

    @Test
    void namesTheTrunkLayersWithParametersAndAHeadPerTask() {
        TrainableModel model = new CnnArchitecture(params(List.of(4, 8), 3, 2, null, null, null)).build(spec(new ImageShape(1, 12, 12)));
        assertEquals(List.of("conv-1", "conv-2", "dense-1"), model.trunkLayers());
        assertEquals(Map.of("specific", List.of("specific"), "general", List.of("general")), model.headLayers());
        INDArray[] out = model.graph().output(Nd4j.rand(DataType.FLOAT, 5, 144));
        assertArrayEquals(new long[] {5, 3}, out[0].shape());
        assertArrayEquals(new long[] {5, 2}, out[1].shape());
    }

    @Test
    void regularizationReachesTheLayers() {
        TrainableModel model = new CnnArchitecture(params(List.of(4, 8), 3, 2, 0.25, 1e-4, 2.0)).build(spec(new ImageShape(1, 12, 12)));
        BaseLayer first = (BaseLayer) model.graph().getLayer("conv-1").conf().getLayer();
        BaseLayer second = (BaseLayer) model.graph().getLayer("conv-2").conf().getLayer();
        assertNull(first.getIDropout(), "the raw pixels are not dropped");
        assertEquals(new Dropout(0.75), second.getIDropout());
        assertTrue(second.getRegularization().stream().anyMatch(r -> r instanceof WeightDecay w && w.getCoeff().valueAt(0, 0) == 1e-4),
                second.getRegularization().toString());
        assertEquals(GradientNormalization.ClipL2PerLayer, second.getGradientNormalization());
        assertEquals(2.0, second.getGradientNormalizationThreshold());
    }

    @Test
    void plainFeaturesAreBadInput() {
        ModelSpec plain = new ModelSpec(10, null, TASKS, 1, new Adam(1e-3));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new CnnArchitecture(params(null, null, null, null, null, null)).build(plain));
        assertTrue(error.getMessage().startsWith("model cnn needs image rows"), error.getMessage());
    }

    @Test
    void imagesTooSmallForTheLayersAreBadInputNamingTheLayer() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> new CnnArchitecture(params(List.of(4, 8), 5, 2, null, null, null)).build(spec(new ImageShape(1, 8, 8))));
        assertTrue(error.getMessage().startsWith("model cnn: 8x8 images are too small for conv-2 (kernel 5, stride 1, pool 2)"), error.getMessage());
    }
}
