package dev.fulcrum.plugins.layerwise;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.train.Interpolation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrunkStagesTest {

    private static final List<String> TRUNK = List.of("conv-1", "conv-2", "dense-1");

    @Test
    void progressiveStagesTrainEveryLayerReachedSoFar() {
        TrunkStages stages = new TrunkStages(TRUNK, null, false);
        assertEquals(3, stages.count());
        assertEquals(Map.of("conv-1", 1.0, "conv-2", 0.0, "dense-1", 0.0), stages.rates(0));
        assertEquals(Map.of("conv-1", 1.0, "conv-2", 1.0, "dense-1", 0.0), stages.rates(1));
        assertEquals(Map.of("conv-1", 1.0, "conv-2", 1.0, "dense-1", 1.0), stages.rates(2));
    }

    @Test
    void greedyStagesTrainOnlyTheirOwnLayers() {
        TrunkStages stages = new TrunkStages(TRUNK, List.of("conv-2", "dense-1"), true);
        assertEquals(2, stages.count());
        assertEquals(List.of("conv-1", "conv-2"), stages.trained(0));
        assertEquals(Map.of("conv-1", 0.0, "conv-2", 0.0, "dense-1", 1.0), stages.rates(1));
        assertEquals(Map.of("conv-1", 0.0, "conv-2", 0.0, "dense-1", 0.0), stages.frozen());
    }

    @Test
    void stageNamesMustBeTrunkLayersInOrder() {
        assertEquals("strategy.stages: the model has no trunk layer \"pool-1\"; trunk layers are [conv-1, conv-2, dense-1]",
                assertThrows(InvalidInputException.class, () -> new TrunkStages(TRUNK, List.of("pool-1"), false)).getMessage());
        assertEquals("strategy.stages: \"conv-1\" does not come after the previous stage's last layer; list stages input side first, "
                        + "from [conv-1, conv-2, dense-1]",
                assertThrows(InvalidInputException.class, () -> new TrunkStages(TRUNK, List.of("conv-2", "conv-1"), false)).getMessage());
    }

    @Test
    void paramsAreCheckedByField() {
        assertEquals("mode", assertThrows(InvalidParamsException.class, () -> new LayerWiseParams("deep", null, null, null, null,
                null, null, null, null, null, null, null)).field());
        assertEquals("stages", assertThrows(InvalidParamsException.class, () -> new LayerWiseParams(null, List.of(), null, null,
                null, null, null, null, null, null, null, null)).field());
        assertEquals("head-tasks", assertThrows(InvalidParamsException.class, () -> new LayerWiseParams(null, null, null, null,
                null, null, null, List.of(), null, null, null, null)).field());
        InvalidParamsException interpolate = assertThrows(InvalidParamsException.class, () -> new LayerWiseParams(null, null,
                null, null, null, null, null, null, null, null, null, new Interpolation(null, null, null, null)));
        assertEquals("interpolate", interpolate.field());
        assertTrue(interpolate.getMessage().contains("the general side of the curve would be flat"), interpolate.getMessage());
    }
}
