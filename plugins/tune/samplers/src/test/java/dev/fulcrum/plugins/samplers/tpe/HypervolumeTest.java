package dev.fulcrum.plugins.samplers.tpe;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HypervolumeTest {

    @Test
    void twoObjectivesSumTheStaircaseBelowTheReference() {
        // Boxes [1,4]x[3,4], [2,4]x[2,3], [3,4]x[1,2]: 3 + 2 + 1; the dominated point and the one beyond the reference add nothing.
        List<double[]> points = List.of(new double[] {2, 2}, new double[] {1, 3}, new double[] {3, 1},
                new double[] {3, 3}, new double[] {0, 5});
        assertEquals(6.0, Hypervolume.of(points, new double[] {4, 4}), 1e-12);
    }

    @Test
    void threeObjectivesCountTheUnionOfBoxesOnce() {
        // [1,3]^3 has volume 8; [2,3]x[0,3]x[2,3] has 3, of which [2,3]x[1,3]x[2,3] (2) lies in the first: 8 + 3 - 2.
        List<double[]> points = List.of(new double[] {1, 1, 1}, new double[] {2, 0, 2});
        assertEquals(9.0, Hypervolume.of(points, new double[] {3, 3, 3}), 1e-12);
        assertEquals(1.0, Hypervolume.of(List.of(new double[] {0, 0, 0}), new double[] {1, 1, 1}), 1e-12);
    }

    @Test
    void aPointsWeightIsWhatTheSetLosesWithoutItOverTheLargestLoss() {
        // Reference max(1.1 w, 0.9 w) = (3.3, 3.3); each end alone dominates 1 x 0.3, the middle 1 x 1.
        List<double[]> points = List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1});
        assertArrayEquals(new double[] {0.3, 1.0, 0.3}, GoodAndBad.hypervolumeContributions(points), 1e-9);
    }
}
