package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.testkit.ParamsYaml;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResampleTest {

    private static final int MAJORITY = 100;
    private static final int MINORITY = 12;

    /**
     * 100 rows of class 0 and 12 of class 1 (weight 2), in 3 random columns; every row also has a
     * label for a second task, which added rows must not repeat.
     */
    private static Batch imbalanced() {
        int n = MAJORITY + MINORITY;
        SplittableRandom random = new SplittableRandom(1);
        float[][] features = new float[n][3];
        float[][] target = new float[n][2];
        float[][] weights = new float[n][1];
        for (int i = 0; i < n; i++) {
            boolean minority = i >= MAJORITY;
            for (int j = 0; j < 3; j++) {
                features[i][j] = (float) (random.nextDouble() + (minority ? 3 : 0));
            }
            target[i][minority ? 1 : 0] = 1;
            weights[i][0] = minority ? 2 : 1;
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", 3, "test"),
                List.of(new Task("specific", List.of("common", "rare")), new Task("general", List.of("u", "v"))),
                List.of(Domains.SOURCE), null);
        return new Batch(schema, Nd4j.createFromArray(features),
                Map.of("specific", Nd4j.createFromArray(target), "general", Nd4j.createFromArray(target)),
                Map.of("specific", Nd4j.ones(DataType.FLOAT, n, 1), "general", Nd4j.ones(DataType.FLOAT, n, 1)),
                Nd4j.createFromArray(weights));
    }

    @Test
    void nearestNeighboursMatchABruteForceSearch() {
        INDArray rows = Nd4j.rand(DataType.FLOAT, 1500, 4);
        int[][] nearest = Neighbours.nearest(rows, 4);
        float[][] x = rows.toFloatMatrix();
        for (int i = 0; i < x.length; i += 37) {
            int row = i;
            Integer[] order = new Integer[x.length];
            Arrays.setAll(order, j -> j);
            Arrays.sort(order, (a, b) -> Double.compare(distance(x[row], x[a], a == row), distance(x[row], x[b], b == row)));
            assertArrayEquals(Arrays.stream(order).limit(4).mapToInt(Integer::intValue).toArray(), nearest[row], "row " + row);
        }
    }

    private static double distance(float[] a, float[] b, boolean self) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return self ? Double.POSITIVE_INFINITY : sum;
    }

    /** Each synthetic row must lie on the segment from a minority row to one of its k nearest minority rows. */
    @Test
    void smoteFillsTheMinorityWithPointsBetweenNeighbours() {
        Batch rows = imbalanced();
        Batch balanced = new SmoteFactory().create(new SmoteParams(null, 1.0, 3), null).apply(rows, 5);
        assertEquals(2 * MAJORITY, balanced.rows());
        float[][] x = balanced.features().toFloatMatrix();
        float[][] real = Arrays.copyOfRange(x, MAJORITY, MAJORITY + MINORITY);
        int[][] nearest = Neighbours.nearest(Nd4j.createFromArray(real), 3);
        for (int s = MAJORITY + MINORITY; s < balanced.rows(); s++) {
            assertTrue(onASegment(x[s], real, nearest), "synthetic row " + Arrays.toString(x[s]) + " lies between no neighbours");
            assertArrayEquals(new float[] {0, 1}, balanced.target("specific").getRow(s).toFloatVector());
            assertEquals(1f, balanced.mask("specific").getFloat(s, 0));
            assertEquals(0f, balanced.mask("general").getFloat(s, 0), "added rows carry no label of other tasks");
            assertEquals(2f, balanced.weights().getFloat(s, 0), "added rows keep their base row's weight");
        }
        assertEquals(rows.features(), balanced.features().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, rows.rows()),
                org.nd4j.linalg.indexing.NDArrayIndex.all()), "the real rows come first, unchanged");
    }

    private static boolean onASegment(float[] point, float[][] real, int[][] nearest) {
        for (int a = 0; a < real.length; a++) {
            for (int b : nearest[a]) {
                double u = (point[0] - real[a][0]) / (double) (real[b][0] - real[a][0]);
                boolean on = u >= -1e-5 && u <= 1 + 1e-5;
                for (int j = 0; j < point.length && on; j++) {
                    on = Math.abs(real[a][j] + u * (real[b][j] - real[a][j]) - point[j]) < 1e-4;
                }
                if (on) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void classBalanceAddsCopiesOfMinorityRowsUpToTheRatio() {
        Batch rows = imbalanced();
        Batch balanced = new ClassBalanceFactory().create(new ClassBalanceParams(null, 0.5), null).apply(rows, 2);
        assertEquals(MAJORITY + 50, balanced.rows(), "the minority grows to half the majority");
        float[][] x = balanced.features().toFloatMatrix();
        List<String> minorityRows = Arrays.stream(Arrays.copyOfRange(x, MAJORITY, MAJORITY + MINORITY)).map(Arrays::toString).toList();
        for (int s = MAJORITY + MINORITY; s < balanced.rows(); s++) {
            assertTrue(minorityRows.contains(Arrays.toString(x[s])), "row " + s + " is a copy of a minority row");
            assertEquals(0f, balanced.mask("general").getFloat(s, 0));
        }
    }

    @Test
    void resamplingSkipsPhasesWithoutItsTaskAndRowsWithPartialLabels() {
        Batch rows = imbalanced();
        assertSame(rows, new SmoteFactory().create(new SmoteParams("other", null, null), null).apply(rows, 1));
        Batch halfLabelled = rows.withRows(rows.features(), Map.of("specific", rows.target("specific"), "general", rows.target("general")),
                Map.of("specific", Nd4j.valueArrayOf(new long[] {rows.rows(), 1}, 0.5f), "general", rows.mask("general")), rows.weights());
        assertEquals(rows.rows(), new ClassBalanceFactory().create(new ClassBalanceParams(null, null), null).apply(halfLabelled, 1).rows());
    }

    @Test
    void badParamsAreRejectedByField() {
        assertEquals("params.yaml:1: ratio: must be in (0, 1], got 1.5", ParamsYaml.error(SmoteParams.class, "ratio: 1.5"));
        assertEquals("params.yaml:1: k: must be at least 1, got 0", ParamsYaml.error(SmoteParams.class, "k: 0"));
        assertEquals("params.yaml:1: ratio: must be in (0, 1], got 0.0", ParamsYaml.error(ClassBalanceParams.class, "ratio: 0.0"));
    }
}
