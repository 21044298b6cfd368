package dev.fulcrum.api.tune;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloatParameterTest {

    @Test
    void everyGridValueIsOneTheParameterAdmits() {
        FloatParameter rate = new FloatParameter("strategy.learning-rate", 1e-3, 1e-2, false, 3e-3, Map.of());
        assertEquals(List.of(1e-3, 1e-3 + 3e-3, 1e-3 + 2 * 3e-3, 1e-2), rate.gridValues());
        for (double low = 0; low < 1; low += 0.07) {
            for (double step : List.of(0.1, 0.15, 0.3, 1e-3)) {
                FloatParameter range = new FloatParameter("x", low, low + 7 * step, false, step, Map.of());
                assertEquals(8, range.gridValues().size(), "low " + low + ", step " + step);
                for (double value : range.gridValues()) {
                    assertTrue(range.contains(value), "low " + low + ", step " + step + ": " + value);
                }
            }
        }
    }
}
