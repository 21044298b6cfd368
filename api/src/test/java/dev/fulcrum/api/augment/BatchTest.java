package dev.fulcrum.api.augment;

import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchTest {

    private static final Schema SCHEMA = new Schema(Schema.numberedFeatures("x", 2, "test"),
            List.of(new Task("specific", List.of("a", "b", "c")), new Task("general", List.of("u", "v"))),
            List.of(Domains.SOURCE), null);

    /** Four rows: labelled for both tasks, for one each, and for neither; weights differ. */
    private static Batch rows() {
        return new Batch(SCHEMA,
                Nd4j.createFromArray(new float[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}}),
                Map.of("specific", Nd4j.createFromArray(new float[][] {{1, 0, 0}, {0, 0, 1}, {0, 0, 0}, {0, 0, 0}}),
                        "general", Nd4j.createFromArray(new float[][] {{0, 1}, {0, 0}, {1, 0}, {0, 0}})),
                Map.of("specific", Nd4j.createFromArray(new float[][] {{1}, {1}, {0}, {0}}),
                        "general", Nd4j.createFromArray(new float[][] {{1}, {0}, {1}, {0}})),
                Nd4j.createFromArray(new float[][] {{1}, {2}, {0.5f}, {3}}));
    }

    /** weight * mask * crossEntropy(target, p) of one row, as the trainer computes it. */
    private static double loss(Batch batch, String task, int row, double[] p) {
        float[] target = batch.target(task).getRow(row).toFloatVector();
        double crossEntropy = 0;
        for (int c = 0; c < p.length; c++) {
            crossEntropy -= target[c] * Math.log(p[c]);
        }
        return batch.weights().getDouble(row, 0) * batch.mask(task).getDouble(row, 0) * crossEntropy;
    }

    @Test
    void mixedRowsLoseExactlyTheShareWeightedLossesOfTheirTwoRows() {
        Batch rows = rows();
        int[] partners = {1, 2, 3, 0};
        float[] shares = {0.7f, 0.25f, 0.5f, 0.9f};
        Batch mixed = rows.mixed(partners, Nd4j.createFromArray(shares).reshape(4, 1), rows.features());
        Map<String, double[]> predictions = Map.of("specific", new double[] {0.2, 0.3, 0.5}, "general", new double[] {0.6, 0.4});
        for (String task : List.of("specific", "general")) {
            for (int i = 0; i < 4; i++) {
                double[] p = predictions.get(task);
                double expected = shares[i] * loss(rows, task, i, p) + (1 - shares[i]) * loss(rows, task, partners[i], p);
                assertEquals(expected, loss(mixed, task, i, p), 1e-5, task + " row " + i);
                double mask = mixed.mask(task).getDouble(i, 0);
                assertEquals(mask > 0 ? 1 : 0, mixed.target(task).getRow(i).sumNumber().doubleValue(), 1e-6,
                        "a labelled mixed target is a distribution, an unlabelled one is empty");
            }
        }
        assertEquals(0.1 / (0.9 * 3 + 0.1), mixed.mask("specific").getDouble(3, 0), 1e-6,
                "an unlabelled row mixed with a tenth of a labelled one carries that tenth's share of its weight");
    }

    @Test
    void selectRepeatsAndReordersRowsWithEverythingTheyCarry() {
        Batch picked = rows().select(new int[] {2, 0, 2});
        assertArrayEquals(new float[] {4, 5}, picked.features().getRow(2).toFloatVector());
        assertArrayEquals(new float[] {1, 0}, picked.target("general").getRow(0).toFloatVector());
        assertArrayEquals(new float[] {0.5f, 1, 0.5f}, picked.weights().toFloatVector());
        assertEquals(0, rows().select(new int[0]).rows());
    }

    @Test
    void appendKeepsBothRowsInOrderAndRefusesOtherTasks() {
        Batch both = rows().append(rows().select(new int[] {3}));
        assertEquals(5, both.rows());
        assertArrayEquals(new float[] {6, 7}, both.features().getRow(4).toFloatVector());
        Batch otherTasks = new Batch(SCHEMA, Nd4j.zeros(1, 2), Map.of(), Map.of(), Nd4j.ones(1, 1));
        assertThrows(IllegalArgumentException.class, () -> rows().append(otherTasks));
    }
}
