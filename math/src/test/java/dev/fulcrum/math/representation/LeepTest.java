package dev.fulcrum.math.representation;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LeepTest {

    @Test
    void matchesNumPy() {
        ReferenceCase leep = ReferenceCase.read("leep");
        assertEquals(ReferenceCase.expected("leep"), Leep.score(leep.values(), leep.labels(), 3), 1e-12);
    }

    @Test
    void aSourceHeadThatNamesTheTargetClassScoresZero() {
        double[][] certain = {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}, {1, 0, 0}};
        assertEquals(0.0, Leep.score(Nd4j.create(certain), new int[] {1, 0, 1, 0}, 2), 1e-15);
    }

    @Test
    void aSourceHeadThatSaysTheSameForEveryRowScoresTheLabelsEntropy() {
        double[][] constant = {{0.3, 0.7}, {0.3, 0.7}, {0.3, 0.7}, {0.3, 0.7}};
        double entropy = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        assertEquals(-entropy, Leep.score(Nd4j.create(constant), new int[] {0, 0, 0, 1}, 2), 1e-12);
    }

    @Test
    void refusesRowsThatAreNotProbabilities() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Leep.score(Nd4j.create(new double[][] {{0.5, 0.5}, {0.5, 0.6}}), new int[] {0, 1}, 2));
        assertEquals("row 1 of the source probabilities sums to 1.1, not 1", e.getMessage());
    }
}
