package dev.fulcrum.math.pareto;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonDominatedSortTest {

    @Test
    void aPointDominatesOnlyWhenNoWorseAnywhereAndBetterSomewhere() {
        assertTrue(NonDominatedSort.dominates(new double[]{1, 2}, new double[]{1, 3}));
        assertFalse(NonDominatedSort.dominates(new double[]{1, 2}, new double[]{1, 2}));
        assertFalse(NonDominatedSort.dominates(new double[]{0, 3}, new double[]{1, 2}));
    }

    @Test
    void pointsFallIntoNestedFronts() {
        double[][] points = {{1, 4}, {2, 2}, {4, 1}, {2, 4}, {3, 3}, {5, 5}, {2, 2}};
        assertEquals(List.of(List.of(0, 1, 2, 6), List.of(3, 4), List.of(5)), NonDominatedSort.fronts(points));
        assertEquals(List.of(), NonDominatedSort.fronts(new double[0][]));
    }

    @Test
    void everyFrontIsDominatedOnlyByEarlierFronts() {
        for (long seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            double[][] points = new double[40][3];
            for (double[] point : points) {
                for (int m = 0; m < point.length; m++) {
                    point[m] = random.nextInt(6);
                }
            }
            int[] ranks = NonDominatedSort.ranks(points);
            for (int i = 0; i < points.length; i++) {
                int best = -1;
                for (int j = 0; j < points.length; j++) {
                    if (NonDominatedSort.dominates(points[j], points[i])) {
                        assertTrue(ranks[j] < ranks[i], "seed " + seed + ": " + j + " dominates " + i);
                        best = Math.max(best, ranks[j]);
                    }
                }
                assertEquals(best + 1, ranks[i], "seed " + seed + ": point " + i + " sits right after its dominators");
            }
        }
    }
}
