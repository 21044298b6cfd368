package dev.fulcrum.math.calibration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {

    /**
     * Six rows, three classes, worked by hand with 5 bins of width 0.2:
     * top-label confidences 0.7 (right), 0.5 (wrong), 0.9 (right), 0.38 (right), 0.58 (wrong), 0.78 (right), none on a
     * bin's edge (a float such as 0.8f lies just above 0.8, so it would fall in the next bin).
     * Bin (0.2, 0.4]: {0.38 right}; (0.4, 0.6]: {0.5 wrong, 0.58 wrong}; (0.6, 0.8]: {0.7 right, 0.78 right}; (0.8, 1]: {0.9 right}.
     * ECE = 1/6 |1 - 0.38| + 2/6 |0 - 0.54| + 2/6 |1 - 0.74| + 1/6 |1 - 0.9| = (0.62 + 1.08 + 0.52 + 0.1) / 6.
     */
    private static final float[][] P = {
            {0.7f, 0.2f, 0.1f},
            {0.3f, 0.5f, 0.2f},
            {0.05f, 0.05f, 0.9f},
            {0.38f, 0.32f, 0.3f},
            {0.22f, 0.2f, 0.58f},
            {0.1f, 0.78f, 0.12f}};
    private static final int[] Y = {0, 0, 2, 0, 1, 1};

    @Test
    void eceBrierAndNllEqualTheHandWorkedValues() {
        Calibration calibration = Calibration.of(P, Y, 5);
        assertEquals(2.32 / 6, calibration.ece(), 1e-6);
        // Brier per row: 0.09+0.04+0.01, 0.49+0.25+0.04, 0.0025+0.0025+0.01, 0.3844+0.1024+0.09, 0.0484+0.64+0.3364, 0.01+0.0484+0.0144
        double brier = (0.14 + 0.78 + 0.015 + 0.5768 + 1.0248 + 0.0728) / 6;
        assertEquals(brier, calibration.brier(), 1e-6);
        double nll = -(Math.log(0.7) + Math.log(0.3) + Math.log(0.9) + Math.log(0.38) + Math.log(0.2) + Math.log(0.78)) / 6;
        assertEquals(nll, calibration.nll(), 1e-6);
    }

    @Test
    void theBinsAreTheReliabilityDiagram() {
        Calibration calibration = Calibration.of(P, Y, 5);
        assertEquals(5, calibration.bins().size());
        Calibration.Bin first = calibration.bins().get(0);
        assertEquals(0, first.count());
        assertTrue(Double.isNaN(first.confidence()) && Double.isNaN(first.accuracy()));
        Calibration.Bin middle = calibration.bins().get(2);
        assertEquals(0.4, middle.lower(), 1e-12);
        assertEquals(0.6, middle.upper(), 1e-12);
        assertEquals(2, middle.count());
        assertEquals(0.54, middle.confidence(), 1e-6);
        assertEquals(0.0, middle.accuracy());
        assertEquals(1, calibration.bins().get(4).count(), "0.9 falls in (0.8, 1]");
    }

    @Test
    void aPerfectlyConfidentRightModelScoresZeroAndAZeroProbabilityIsClipped() {
        float[][] certain = {{1f, 0f}, {0f, 1f}};
        Calibration right = Calibration.of(certain, new int[] {0, 1}, Calibration.DEFAULT_BINS);
        assertEquals(0.0, right.ece(), 1e-12);
        assertEquals(0.0, right.brier(), 1e-12);
        Calibration wrong = Calibration.of(certain, new int[] {1, 0}, Calibration.DEFAULT_BINS);
        assertEquals(1.0, wrong.ece(), 1e-12);
        assertEquals(2.0, wrong.brier(), 1e-12);
        assertEquals(-Math.log(Calibration.EPSILON), wrong.nll(), 1e-9);
    }

    @Test
    void mismatchedInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(P, new int[] {0}, 15));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(P, Y, 0));
    }
}
