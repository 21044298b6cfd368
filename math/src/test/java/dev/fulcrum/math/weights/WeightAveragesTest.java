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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightAveragesTest {

    private static Map<String, INDArray> table(long seed) {
        Random random = new Random(seed);
        Map<String, INDArray> table = new LinkedHashMap<>();
        table.put("dense-1_W", GaussianArrays.of(random, 4, 3));
        table.put("dense-1_b", GaussianArrays.of(random, 1, 3));
        table.put("bn_mean", GaussianArrays.of(random, 1, 3));
        return table;
    }

    private static double[] values(INDArray array) {
        return array.dup().data().asDouble();
    }

    @Test
    void theEqualAverageIsTheMeanOfEveryParameterAndLeavesOutTheExcludedOnes() {
        List<Map<String, INDArray>> tables = List.of(table(1), table(2), table(3), table(4));
        Map<String, INDArray> mean = EqualAverage.of(tables, Set.of("bn_mean"));
        assertEquals(Set.of("dense-1_W", "dense-1_b"), mean.keySet());
        for (String name : mean.keySet()) {
            double[] expected = new double[(int) tables.get(0).get(name).length()];
            for (Map<String, INDArray> table : tables) {
                double[] v = values(table.get(name));
                for (int i = 0; i < v.length; i++) {
                    expected[i] += v[i] / tables.size();
                }
            }
            assertArrayEquals(expected, values(mean.get(name)), 1e-5, name);
        }
    }

    @Test
    void theAverageOfEqualTablesIsThatTableBitForBit() {
        Map<String, INDArray> mean = EqualAverage.of(List.of(table(5), table(5), table(5)), Set.of());
        table(5).forEach((name, values) -> assertArrayEquals(values(values), values(mean.get(name)), 0.0, name));
    }

    @Test
    void theEqualAverageRefusesATableOfAnotherGraphByName() {
        EqualAverage average = new EqualAverage(Set.of());
        average.add(table(1));
        Map<String, INDArray> other = table(2);
        other.put("dense-2_W", Nd4j.zeros(DataType.FLOAT, 2, 2));
        MismatchedParametersException e = assertThrows(MismatchedParametersException.class, () -> average.add(other));
        assertTrue(e.getMessage().contains("parameter dense-2_W is in table 2 but not in the average"), e.getMessage());
    }

    @Test
    void theExponentialAverageFollowsItsRecurrenceFromTheFirstTable() {
        double decay = 0.9;
        ExponentialAverage average = new ExponentialAverage(decay, Set.of("bn_mean"));
        List<Map<String, INDArray>> tables = List.of(table(1), table(2), table(3));
        tables.forEach(average::update);
        double[] first = values(tables.get(0).get("dense-1_W"));
        double[] second = values(tables.get(1).get("dense-1_W"));
        double[] third = values(tables.get(2).get("dense-1_W"));
        double[] expected = new double[first.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = decay * (decay * first[i] + (1 - decay) * second[i]) + (1 - decay) * third[i];
        }
        assertArrayEquals(expected, values(average.average().get("dense-1_W")), 1e-5);
        assertEquals(3, average.updates());
        assertEquals(Set.of("dense-1_W", "dense-1_b"), average.average().keySet());
    }

    @Test
    void requireEqualNamesTheFirstParameterThatDiffers() {
        ParameterTables.requireEqual(table(1), "a", table(1), "b");
        Map<String, INDArray> other = table(1);
        other.get("dense-1_b").putScalar(1, 100f);
        MismatchedParametersException e = assertThrows(MismatchedParametersException.class,
                () -> ParameterTables.requireEqual(table(1), "a", other, "b"));
        assertTrue(e.getMessage().startsWith("a and b hold other values: parameter dense-1_b differs by up to"), e.getMessage());
    }
}
