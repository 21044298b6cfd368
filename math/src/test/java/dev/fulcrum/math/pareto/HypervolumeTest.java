package dev.fulcrum.math.pareto;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HypervolumeTest {

    @Test
    void oneObjectiveIsTheDistanceFromTheBestPointToTheReference() {
        assertEquals(3.5, Hypervolume.of(new double[][] {{2}, {0.5}, {3}}, new double[] {4}), 0);
    }

    @Test
    void twoObjectivesAddTheBoxesLessTheirOverlaps() {
        // Boxes to (4, 4): [1,4]x[3,4] = 3, [2,4]x[2,4] = 4, [3,4]x[1,4] = 3; overlaps [2,4]x[3,4] = 2 and
        // [3,4]x[2,4] = 2, whose own overlap [3,4]x[3,4] = 1 is counted in both: 3 + 4 + 3 - 2 - 2 - 1 + 1 = 6.
        double[][] staircase = {{3, 1}, {1, 3}, {2, 2}};
        assertEquals(6, Hypervolume.of(staircase, new double[] {4, 4}), 1e-12);
        assertEquals(0.25 * 0.5, Hypervolume.of(new double[][] {{-0.75, -0.5}}, new double[] {-0.5, 0}), 1e-12);
    }

    @Test
    void threeObjectivesOfTwoBoxesAreTheirSumLessTheirIntersection() {
        // [0,2]x[1,2]x[1,2] = 2 and [1,2]x[0,2]x[0,2] = 4 meet in [1,2]x[1,2]x[1,2] = 1.
        double[][] points = {{0, 1, 1}, {1, 0, 0}};
        assertEquals(5, Hypervolume.of(points, new double[] {2, 2, 2}), 1e-12);
    }

    @Test
    void pointsNotBetterThanTheReferenceEverywhereAddNothing() {
        double[] reference = {4, 4};
        assertEquals(0, Hypervolume.of(new double[][] {{4, 1}, {5, 0}, {1, 4}}, reference), 0);
        assertEquals(0, Hypervolume.of(new double[0][], reference), 0);
        assertEquals(3, Hypervolume.of(new double[][] {{1, 3}, {0, 4}, {3, 9}}, reference), 1e-12);
    }

    @Test
    void aDominatedOrRepeatedPointChangesNothing() {
        for (long seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            for (int objectives = 2; objectives <= 4; objectives++) {
                double[][] points = randomPoints(random, 12, objectives);
                double[] reference = filled(objectives, 1.0);
                double before = Hypervolume.of(points, reference);
                double[] dominated = points[random.nextInt(points.length)].clone();
                dominated[random.nextInt(objectives)] += 0.1;
                double[][] more = Arrays.copyOf(points, points.length + 2);
                more[points.length] = dominated;
                more[points.length + 1] = points[0].clone();
                assertEquals(before, Hypervolume.of(more, reference), 1e-12, "seed " + seed + ", " + objectives + " objectives");
            }
        }
    }

    @Test
    void addingAPointNeverShrinksTheVolumeAndImprovingAFrontPointGrowsIt() {
        for (long seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            for (int objectives = 2; objectives <= 4; objectives++) {
                double[][] points = randomPoints(random, 10, objectives);
                double[] reference = filled(objectives, 1.0);
                double volume = 0;
                for (int n = 1; n <= points.length; n++) {
                    double next = Hypervolume.of(Arrays.copyOf(points, n), reference);
                    assertTrue(next >= volume - 1e-12, "seed " + seed + ": " + n + " points: " + next + " < " + volume);
                    volume = next;
                }
                double[] better = points[NonDominatedSort.fronts(points).get(0).get(0)].clone();
                better[0] -= 0.05;
                double[][] more = Arrays.copyOf(points, points.length + 1);
                more[points.length] = better;
                assertTrue(Hypervolume.of(more, reference) > volume, "seed " + seed + ", " + objectives + " objectives");
            }
        }
    }

    @Test
    void onIntegerPointsTheVolumeIsTheCountOfDominatedUnitCells() {
        for (long seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            for (int objectives = 2; objectives <= 4; objectives++) {
                double[][] points = new double[8][objectives];
                for (double[] point : points) {
                    for (int m = 0; m < objectives; m++) {
                        point[m] = random.nextInt(5);
                    }
                }
                assertEquals(dominatedCells(points, objectives, 5), Hypervolume.of(points, filled(objectives, 5)), 1e-9,
                        "seed " + seed + ", " + objectives + " objectives");
            }
        }
    }

    @Test
    void pointsMustHaveTheReferencesObjectives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hypervolume.of(new double[][] {{1, 2, 3}}, new double[] {4, 4}));
        assertEquals("a point of 3 objectives against a reference of 2", e.getMessage());
    }

    /** The unit cells of [0, side)^m whose lower corner some point weakly dominates: the volume, counted. */
    private static int dominatedCells(double[][] points, int objectives, int side) {
        int cells = (int) Math.pow(side, objectives);
        int count = 0;
        for (int cell = 0; cell < cells; cell++) {
            int[] corner = new int[objectives];
            for (int m = 0, rest = cell; m < objectives; m++, rest /= side) {
                corner[m] = rest % side;
            }
            for (double[] point : points) {
                boolean covers = true;
                for (int m = 0; m < objectives; m++) {
                    covers &= point[m] <= corner[m];
                }
                if (covers) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static double[][] randomPoints(Random random, int count, int objectives) {
        double[][] points = new double[count][objectives];
        for (double[] point : points) {
            for (int m = 0; m < objectives; m++) {
                point[m] = random.nextDouble();
            }
        }
        return points;
    }

    private static double[] filled(int objectives, double value) {
        double[] point = new double[objectives];
        Arrays.fill(point, value);
        return point;
    }
}
