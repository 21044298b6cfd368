package dev.fulcrum.plugins.multitask;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.testkit.ParamsYaml;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CosineScheduleTest {

    @Test
    void everyLayerFollowsHalfACosineFromTheFullRate() {
        CosineSchedule schedule = new CosineSchedule(List.of("dense-1", "general", "specific"), 4);
        assertEquals(Map.of("dense-1", 1.0, "general", 1.0, "specific", 1.0), schedule.at(0));
        assertEquals((1 + Math.cos(Math.PI / 4)) / 2, schedule.at(1).get("general"), 1e-12);
        assertEquals(0.5, schedule.at(2).get("dense-1"), 1e-12);
        assertEquals((1 + Math.cos(3 * Math.PI / 4)) / 2, schedule.at(3).get("specific"), 1e-12);
    }

    @Test
    void paramsAreCheckedByField() {
        assertEquals("loss-weights.domain", assertThrows(InvalidParamsException.class, () -> new MultiTaskParams(null, null, null,
                null, Map.of("domain", 1.0), null, null, null)).field());
        assertEquals("params.yaml:1: loss-weights.specific: must be positive, got 0.0",
                ParamsYaml.error(MultiTaskParams.class, "loss-weights: {specific: 0.0}"));
        assertEquals("params.yaml:1: specific-share: must be in (0, 1), got 1.0", ParamsYaml.error(MultiTaskParams.class, "specific-share: 1.0"));
        assertEquals("lr-schedule", assertThrows(InvalidParamsException.class, () -> new MultiTaskParams(null, null, null,
                null, null, "step", null, null)).field());
        assertEquals(Map.of("general", 1.0, "specific", 2.0),
                new MultiTaskParams(null, null, null, null, Map.of("specific", 2.0), null, null, null).lossWeights());
    }
}
