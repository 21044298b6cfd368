package dev.fulcrum.math.pareto;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CrowdingDistanceTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void boundaryPointsAreInfiniteAndInnerOnesSumTheirNormalisedGaps() {
        // Sorted by the first objective (range 4): 0, 1, 3, 4; by the second (range 8) the reverse.
        double[][] front = {{0, 8}, {1, 6}, {3, 2}, {4, 0}};
        // Point 1: (3 - 0) / 4 + (8 - 2) / 8; point 2: (4 - 1) / 4 + (6 - 0) / 8.
        assertArrayEquals(new double[]{INF, 0.75 + 0.75, 0.75 + 0.75, INF}, CrowdingDistance.of(front), 1e-12);
    }

    @Test
    void theOrderOfThePointsDoesNotMatter() {
        double[][] front = {{3, 2}, {0, 8}, {4, 0}, {1, 6}};
        assertArrayEquals(new double[]{1.5, INF, INF, 1.5}, CrowdingDistance.of(front), 1e-12);
    }

    @Test
    void aLonelierPointHasTheLargerDistance() {
        double[][] front = {{0, 10}, {1, 9}, {2, 8}, {7, 3}, {10, 0}};
        double[] distance = CrowdingDistance.of(front);
        assertEquals(0.2 + 0.2, distance[1], 1e-12);
        assertEquals(0.6 + 0.6, distance[2], 1e-12);
        assertEquals(0.8 + 0.8, distance[3], 1e-12);
    }

    @Test
    void oneOrTwoPointsAreAllBoundaries() {
        assertArrayEquals(new double[]{INF}, CrowdingDistance.of(new double[][]{{1, 2}}));
        assertArrayEquals(new double[]{INF, INF}, CrowdingDistance.of(new double[][]{{1, 2}, {2, 1}}));
        assertArrayEquals(new double[]{INF, INF}, CrowdingDistance.of(new double[][]{{1, 2}, {1, 2}}));
        assertArrayEquals(new double[0], CrowdingDistance.of(new double[0][]));
    }

    @Test
    void anObjectiveWithoutSpreadAddsNothing() {
        double[][] front = {{5, 0}, {5, 1}, {5, 3}};
        assertArrayEquals(new double[]{INF, 1.0, INF}, CrowdingDistance.of(front), 1e-12);
        assertArrayEquals(new double[]{0, 0, 0}, CrowdingDistance.of(new double[][]{{2, 2}, {2, 2}, {2, 2}}));
    }

    @Test
    void scalingAnObjectiveChangesNoDistance() {
        for (long seed = 0; seed < 10; seed++) {
            Random random = new Random(seed);
            double[][] front = new double[12][3];
            double[][] scaled = new double[12][3];
            for (int i = 0; i < front.length; i++) {
                for (int m = 0; m < 3; m++) {
                    front[i][m] = random.nextDouble();
                    scaled[i][m] = m == 1 ? 1000 * front[i][m] - 7 : front[i][m];
                }
            }
            assertArrayEquals(CrowdingDistance.of(front), CrowdingDistance.of(scaled), 1e-9, "seed " + seed);
        }
    }
}
