package dev.fulcrum.math.labels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UncertaintyTest {

    @Test
    void marginIsTheGapBetweenTheTwoMostProbableClasses() {
        assertEquals(0.5 - 0.3, Uncertainty.margin(new double[] {0.3, 0.2, 0.5}), 1e-12);
        assertEquals(0, Uncertainty.margin(new double[] {0.5, 0.5}), 1e-12);
    }

    @Test
    void entropyIsInNatsAndMaximalForAUniformRow() {
        assertEquals(Math.log(4), Uncertainty.entropy(new double[] {0.25, 0.25, 0.25, 0.25}), 1e-12);
        assertEquals(0, Uncertainty.entropy(new double[] {1, 0, 0}), 1e-15);
    }

    @Test
    void aLessCertainRowScoresHigherUnderBothMeasures() {
        double[] sure = {0.9, 0.05, 0.05};
        double[] unsure = {0.4, 0.35, 0.25};
        for (Uncertainty measure : Uncertainty.values()) {
            assertTrue(measure.score(unsure) > measure.score(sure), measure.name());
        }
    }
}
