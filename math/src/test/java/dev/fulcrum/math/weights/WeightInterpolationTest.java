package dev.fulcrum.math.weights;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WeightInterpolationTest {

    private static Map<String, INDArray> table(long seed) {
        Random random = new Random(seed);
        Map<String, INDArray> table = new LinkedHashMap<>();
        table.put("dense-1_W", GaussianArrays.of(random, 4, 3));
        table.put("dense-1_b", GaussianArrays.of(random, 1, 3));
        table.put("bn_mean", GaussianArrays.of(random, 1, 3));
        table.put("specific_W", GaussianArrays.of(random, 3, 2));
        return table;
    }

    @Test
    void alphaZeroAndOneReturnTheEndPointsBitForBit() {
        Map<String, INDArray> start = table(1);
        Map<String, INDArray> end = table(2);
        Map<String, INDArray> atZero = WeightInterpolation.interpolate(start, end, 0, Set.of());
        Map<String, INDArray> atOne = WeightInterpolation.interpolate(start, end, 1, Set.of());
        start.forEach((name, values) -> {
            assertArrayEquals(values.ravel().toFloatVector(), atZero.get(name).ravel().toFloatVector(), 0f, name);
            assertNotSame(values, atZero.get(name), name);
        });
        end.forEach((name, values) -> assertArrayEquals(values.ravel().toFloatVector(), atOne.get(name).ravel().toFloatVector(), 0f, name));
    }

    @Test
    void everyParameterIsTheFormulaElementByElement() {
        Map<String, INDArray> start = table(3);
        Map<String, INDArray> end = table(4);
        for (double alpha : List.of(0.1, 0.25, 0.5, 0.7, 0.9)) {
            Map<String, INDArray> mixed = WeightInterpolation.interpolate(start, end, alpha, Set.of());
            assertEquals(start.keySet(), mixed.keySet());
            for (String name : start.keySet()) {
                float[] w0 = start.get(name).ravel().toFloatVector();
                float[] w1 = end.get(name).ravel().toFloatVector();
                float[] got = mixed.get(name).ravel().toFloatVector();
                for (int i = 0; i < w0.length; i++) {
                    double expected = (1 - alpha) * w0[i] + alpha * w1[i];
                    assertEquals(expected, got[i], 1e-6 * Math.max(1, Math.abs(expected)), name + "[" + i + "] at alpha " + alpha);
                }
            }
        }
    }

    @Test
    void excludedParametersAreLeftOutAndTheInputsAreNotChanged() {
        Map<String, INDArray> start = table(5);
        Map<String, INDArray> end = table(6);
        float[] before = start.get("dense-1_W").ravel().toFloatVector();
        Map<String, INDArray> mixed = WeightInterpolation.interpolate(start, end, 0.5, Set.of("bn_mean"));
        assertEquals(List.of("dense-1_W", "dense-1_b", "specific_W"), List.copyOf(mixed.keySet()));
        assertArrayEquals(before, start.get("dense-1_W").ravel().toFloatVector(), 0f);
    }

    @Test
    void tablesOfDifferentGraphsAreRefusedByParameterName() {
        Map<String, INDArray> start = table(7);
        Map<String, INDArray> end = table(8);
        end.put("dense-1_W", Nd4j.zeros(DataType.FLOAT, 4, 5));
        end.remove("specific_W");
        end.put("general_W", Nd4j.zeros(DataType.FLOAT, 3, 2));
        MismatchedParametersException refused = assertThrows(MismatchedParametersException.class,
                () -> WeightInterpolation.interpolate(start, end, 0.5, Set.of()));
        assertEquals("theta_0 and theta_1 are not the same graph: parameter dense-1_W is [4, 3] in theta_0 but [4, 5] "
                + "in theta_1; parameter specific_W is in theta_0 but not in theta_1; parameter general_W is in theta_1 "
                + "but not in theta_0", refused.getMessage());
    }

    @Test
    void anAlphaOutsideTheUnitIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WeightInterpolation.interpolate(table(1), table(2), 1.5, Set.of()));
    }
}
