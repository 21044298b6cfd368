package dev.fulcrum.math.labels;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidentLearningTest {

    /** Rows 3 (labelled 0, most likely 1) and 10 (labelled 2, most likely 0) are the planted errors. */
    private static final double[][] P = {
            {0.9, 0.05, 0.05}, {0.8, 0.1, 0.1}, {0.7, 0.2, 0.1}, {0.1, 0.85, 0.05},
            {0.1, 0.85, 0.05}, {0.05, 0.9, 0.05}, {0.2, 0.7, 0.1},
            {0.1, 0.1, 0.8}, {0.05, 0.05, 0.9}, {0.1, 0.2, 0.7}, {0.8, 0.1, 0.1}};
    private static final int[] GIVEN = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2};

    @Test
    void thresholdsAreTheMeanSelfConfidenceOfEachClassEq2() {
        // t_0 = (0.9 + 0.8 + 0.7 + 0.1) / 4, t_1 = (0.85 + 0.9 + 0.7) / 3, t_2 = (0.8 + 0.9 + 0.7 + 0.1) / 4
        assertArrayEquals(new double[] {0.625, 2.45 / 3, 0.625}, ConfidentLearning.of(P, GIVEN, 3).thresholds(), 1e-12);
    }

    @Test
    void theConfidentJointCountsEachRowOnceAtItsClassAboveThresholdEq1() {
        // Row 6 (p = 0.2, 0.7, 0.1) reaches no threshold and is not counted.
        long[][] expected = {{3, 1, 0}, {0, 2, 0}, {1, 0, 3}};
        long[][] joint = ConfidentLearning.of(P, GIVEN, 3).confidentJoint();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], joint[i], "row " + i);
        }
    }

    @Test
    void aRowAboveSeveralThresholdsCountsForItsMostProbableOne() {
        long[][] joint = ConfidentLearning.confidentJoint(new double[][] {{0.45, 0.55}}, new int[] {0}, new double[] {0.4, 0.5});
        assertArrayEquals(new long[] {0, 1}, joint[0]);
    }

    @Test
    void theJointIsCalibratedToTheLabelCountsEq3() {
        // Row 1 of C sums to 2 but 3 rows are labelled 1: scaled to 3; the total is 3 + 1 + 3 + 1 + 3 = 11.
        double[][] q = ConfidentLearning.of(P, GIVEN, 3).joint();
        double[][] expected = {{3 / 11.0, 1 / 11.0, 0}, {0, 3 / 11.0, 0}, {1 / 11.0, 0, 3 / 11.0}};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], q[i], 1e-12, "row " + i);
        }
        assertEquals(2 / 11.0, ConfidentLearning.of(P, GIVEN, 3).noiseRate(), 1e-12);
    }

    @Test
    void pruneByNoiseRateFlagsExactlyThePlantedErrorsRankedByNormalizedMargin() {
        List<ConfidentLearning.Issue> issues = ConfidentLearning.of(P, GIVEN, 3).issues();
        assertEquals(List.of(new ConfidentLearning.Issue(3, 1, 0.85 - 0.1), new ConfidentLearning.Issue(10, 0, 0.8 - 0.1)), issues);
    }

    @Test
    void cleanConfidentLabelsGiveNoIssues() {
        double[][] p = {{0.9, 0.1}, {0.8, 0.2}, {0.2, 0.8}, {0.1, 0.9}};
        assertEquals(List.of(), ConfidentLearning.of(p, new int[] {0, 0, 1, 1}, 2).issues());
        assertEquals(0, ConfidentLearning.of(p, new int[] {0, 0, 1, 1}, 2).noiseRate(), 1e-15);
    }

    /** 10 % of 600 labels flipped symmetrically; a noisy but informative model's probabilities point at the true class. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4})
    void findsMostFlippedLabelsOfALargerPlantedCase(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 600;
        int classes = 4;
        double[][] p = new double[n][classes];
        int[] given = new int[n];
        Set<Integer> flipped = new HashSet<>();
        for (int x = 0; x < n; x++) {
            int truth = x % classes;
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                p[x][j] = random.nextDouble() + (j == truth ? 2.5 * random.nextDouble() + 0.5 : 0);
                sum += p[x][j];
            }
            for (int j = 0; j < classes; j++) {
                p[x][j] /= sum;
            }
            given[x] = truth;
            if (random.nextDouble() < 0.1) {
                given[x] = (truth + 1 + random.nextInt(classes - 1)) % classes;
                flipped.add(x);
            }
        }
        List<ConfidentLearning.Issue> issues = ConfidentLearning.of(p, given, classes).issues();
        long hits = issues.stream().filter(issue -> flipped.contains(issue.row())).count();
        double precision = hits / (double) issues.size();
        double recall = hits / (double) flipped.size();
        assertTrue(precision > 0.6 && recall > 0.6, "seed " + seed + ": precision " + precision + ", recall " + recall
                + " (" + issues.size() + " flagged, " + flipped.size() + " flipped)");
        for (int k = 1; k < issues.size(); k++) {
            assertTrue(issues.get(k - 1).margin() >= issues.get(k).margin(), "ranked by margin");
        }
    }

    @Test
    void refusesInputThatIsNotLabelledProbabilities() {
        assertEquals("row 1 of the probabilities sums to 1.1, not 1", assertThrows(IllegalArgumentException.class,
                () -> ConfidentLearning.of(new double[][] {{0.5, 0.5}, {0.5, 0.6}}, new int[] {0, 1}, 2)).getMessage());
        assertEquals("no row is labelled 1, so its threshold is undefined", assertThrows(IllegalArgumentException.class,
                () -> ConfidentLearning.of(new double[][] {{0.5, 0.5}}, new int[] {0}, 2)).getMessage());
        assertEquals("row 0: label 2 is outside the 2 classes", assertThrows(IllegalArgumentException.class,
                () -> ConfidentLearning.of(new double[][] {{0.5, 0.5}}, new int[] {2}, 2)).getMessage());
    }
}
