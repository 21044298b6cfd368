package dev.fulcrum.plugins.pretrainfinetune;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AutoFreezeTest {

    @Test
    void picksTheDeepestCutWithinTheToleranceOfTheBest() {
        assertEquals(2, AutoFreeze.deepestWithinTolerance(new double[] {-0.9, -0.40, -0.405, -0.6}, 0.01));
        assertEquals(1, AutoFreeze.deepestWithinTolerance(new double[] {-0.9, -0.40, -0.405, -0.6}, 0.001));
        assertEquals(3, AutoFreeze.deepestWithinTolerance(new double[] {-0.9, -0.40, -0.405, -0.6}, 0.5));
    }

    @Test
    void withNoToleranceTheBestWinsAndTiesGoDeeper() {
        assertEquals(0, AutoFreeze.deepestWithinTolerance(new double[] {0.8, 0.7, 0.6}, 0));
        assertEquals(2, AutoFreeze.deepestWithinTolerance(new double[] {0.8, 0.7, 0.8}, 0));
    }
}
