package dev.fulcrum.math.ensemble;

import dev.fulcrum.math.calibration.Calibration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CombinerTest {

    private static final float[][] A = {{0.7f, 0.2f, 0.1f}, {0.3f, 0.5f, 0.2f}, {0.1f, 0.1f, 0.8f}};
    private static final float[][] B = {{0.2f, 0.6f, 0.2f}, {0.1f, 0.8f, 0.1f}, {0.5f, 0.1f, 0.4f}};
    private static final float[][] C = {{0.4f, 0.5f, 0.1f}, {0.6f, 0.3f, 0.1f}, {0.2f, 0.2f, 0.6f}};

    @Test
    void softVotingOfIdenticalMembersEqualsTheMember() {
        for (CombineRule rule : new CombineRule[] {CombineRule.SOFT, CombineRule.WEIGHTED}) {
            float[][] combined = rule.fit(List.of(A, A, A), new int[] {0, 1, 2}).combine(List.of(A, A, A));
            for (int i = 0; i < A.length; i++) {
                assertArrayEquals(A[i], combined[i], 1e-7f, rule.label() + ", row " + i);
            }
        }
    }

    @Test
    void softVotingIsTheMeanProbability() {
        float[][] combined = CombineRule.SOFT.fit(List.of(A, B, C), null).combine(List.of(A, B, C));
        assertArrayEquals(new float[] {(0.7f + 0.2f + 0.4f) / 3, (0.2f + 0.6f + 0.5f) / 3, (0.1f + 0.2f + 0.1f) / 3},
                combined[0], 1e-6f);
        assertArrayEquals(new float[] {(0.3f + 0.1f + 0.6f) / 3, (0.5f + 0.8f + 0.3f) / 3, (0.2f + 0.1f + 0.1f) / 3},
                combined[1], 1e-6f);
    }

    @Test
    void hardVotingGivesEachClassItsShareOfTheVotes() {
        // Row 0: A votes 0, B 1, C 1. Row 1: A 1, B 1, C 0. Row 2: A 2, B 0, C 2.
        float[][] combined = new HardVote().combine(List.of(A, B, C));
        assertArrayEquals(new float[] {1 / 3f, 2 / 3f, 0}, combined[0], 1e-6f);
        assertArrayEquals(new float[] {1 / 3f, 2 / 3f, 0}, combined[1], 1e-6f);
        assertArrayEquals(new float[] {1 / 3f, 0, 2 / 3f}, combined[2], 1e-6f);
    }

    @Test
    void hardVotingOfTwoDisagreeingMembersGoesToTheLowerClassOnArgmax() {
        float[][] combined = new HardVote().combine(List.of(new float[][] {{0.1f, 0.9f}}, new float[][] {{0.9f, 0.1f}}));
        assertArrayEquals(new float[] {0.5f, 0.5f}, combined[0], 1e-7f);
    }

    @Test
    void aWeightedVoteIsTheWeightedMean() {
        float[][] combined = new WeightedVote(new double[] {3, 1, 0}).combine(List.of(A, B, C));
        assertArrayEquals(new float[] {0.75f * 0.7f + 0.25f * 0.2f, 0.75f * 0.2f + 0.25f * 0.6f, 0.75f * 0.1f + 0.25f * 0.2f},
                combined[0], 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> new WeightedVote(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new WeightedVote(new double[] {1, -0.5}));
    }

    @Test
    void ensembleSelectionGivesAMemberThatOnlyHurtsNoWeight() {
        int[] labels = {0, 1, 2};
        float[][] right = {{0.8f, 0.1f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.1f, 0.1f, 0.8f}};
        float[][] wrong = {{0.05f, 0.9f, 0.05f}, {0.9f, 0.05f, 0.05f}, {0.9f, 0.05f, 0.05f}};
        WeightedVote vote = EnsembleSelection.fit(List.of(wrong, right), labels, 20);
        assertArrayEquals(new double[] {0, 1}, vote.weights(), 1e-12);
    }

    @Test
    void ensembleSelectionMixesMembersWhenTheMixIsBetterThanEither() {
        // A is right and sure on row 0, unsure on row 1; B the other way round: their mean beats both.
        int[] labels = {0, 0};
        float[][] a = {{0.99f, 0.01f}, {0.2f, 0.8f}};
        float[][] b = {{0.2f, 0.8f}, {0.99f, 0.01f}};
        WeightedVote vote = EnsembleSelection.fit(List.of(a, b), labels, 10);
        assertArrayEquals(new double[] {0.5, 0.5}, vote.weights(), 1e-12);
        double mixed = Calibration.negativeLogLikelihood(vote.combine(List.of(a, b)), labels);
        assertTrue(mixed < Calibration.negativeLogLikelihood(a, labels), "mix " + mixed);
    }

    @Test
    void stackingLearnsToTrustTheMemberThatIsRightAndToInvertTheOneThatIsAlwaysWrong() {
        long seed = 11;
        Random random = new Random(seed);
        int rows = 300;
        int[] labels = new int[rows];
        float[][] inverted = new float[rows][];
        float[][] noise = new float[rows][];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(2);
            float sure = 0.6f + 0.3f * random.nextFloat();
            inverted[i] = labels[i] == 0 ? new float[] {1 - sure, sure} : new float[] {sure, 1 - sure};
            float p = random.nextFloat();
            noise[i] = new float[] {p, 1 - p};
        }
        Combiner stacking = CombineRule.STACKING.fit(List.of(noise, inverted), labels);
        float[][] combined = stacking.combine(List.of(noise, inverted));
        int right = 0;
        for (int i = 0; i < rows; i++) {
            assertEquals(1.0, combined[i][0] + combined[i][1], 1e-5, "row " + i + ", seed " + seed);
            right += (combined[i][1] > combined[i][0] ? 1 : 0) == labels[i] ? 1 : 0;
        }
        assertEquals(rows, right, "seed " + seed);
        assertThrows(IllegalArgumentException.class, () -> stacking.combine(List.<float[][]>of(noise)));
    }

    @Test
    void membersOfDifferentShapesAreRefusedByNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CombineRule.SOFT.fit(List.of(A, B), null).combine(List.of(A, new float[][] {{0.5f, 0.5f}})));
        assertEquals("member 2 gives 1 rows of 2 classes; member 1 gives 3 of 3", e.getMessage());
    }

    @Test
    void rulesAreNamedAsInTheConfig() {
        assertEquals(CombineRule.STACKING, CombineRule.named("stacking"));
        assertEquals("expected one of [soft, hard, weighted, stacking], got \"mean\"",
                assertThrows(IllegalArgumentException.class, () -> CombineRule.named("mean")).getMessage());
    }
}
