package dev.fulcrum.plugins.samplers.tpe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference values from SciPy 1.10 ({@code scipy.special.log_ndtr}, {@code scipy.stats.truncnorm.ppf}) and mpmath at 40 digits. */
class TruncatedNormalTest {

    @Test
    void theLogCdfMatchesSciPyFromTheFarLeftTailToTheFarRight() {
        double[][] expected = {
                {-40, -804.6084420137539}, {-10, -53.23128515051248}, {-3, -6.60772622151035},
                {-0.5, -1.175911761593619}, {0, -0.6931471805599453}, {0.5, -0.3689464152886563},
                {3, -0.001350809964748193}, {10, -7.619853024160473e-24}};
        for (double[] pair : expected) {
            double actual = TruncatedNormal.logCdf(pair[0]);
            assertEquals(pair[1], actual, 1e-13 * Math.abs(pair[1]), "log Phi(" + pair[0] + ")");
        }
    }

    @Test
    void theLogMassOfAnIntervalMatchesMpmathInTheCentreAndBothTails() {
        double[][] expected = {
                {-1, 1, -0.38171514630212607}, {2, 30, -3.7831843336820319}, {-30, -25, -316.63940800802026},
                {-0.1, 50, -0.61650501011502629}, {8, 9, -35.013618593437148}};
        for (double[] row : expected) {
            assertEquals(row[2], TruncatedNormal.logMass(row[0], row[1]), 1e-12 * Math.abs(row[2]),
                    "log mass of [" + row[0] + ", " + row[1] + "]");
        }
        assertEquals(Double.NEGATIVE_INFINITY, TruncatedNormal.logMass(0.5, 0.5));
    }

    @Test
    void theQuantileMatchesSciPyAndStaysInsideTheBounds() {
        double[][] expected = {
                {0.3, -1, 2, -0.24240381788922707}, {0.9, 3, 5, 3.642030914652575},
                {0.5, -12, -10, -10.068411836058495}, {0.01, -2, 40, -1.8449469140734922}};
        for (double[] row : expected) {
            assertEquals(row[3], TruncatedNormal.quantile(row[0], row[1], row[2]), 1e-10,
                    "quantile " + row[0] + " of [" + row[1] + ", " + row[2] + "]");
        }
        assertEquals(-1.5, TruncatedNormal.quantile(0, -1.5, 2), 1e-12);
        for (double q = 0; q < 1; q += 0.01) {
            double z = TruncatedNormal.quantile(q, 20, 21);
            assertTrue(z >= 20 && z <= 21, "quantile " + q + " of [20, 21]: " + z);
        }
    }

    @Test
    void theQuantileInvertsTheTruncatedCdf() {
        double a = -0.7;
        double b = 2.5;
        for (double q = 0.05; q < 1; q += 0.1) {
            double z = TruncatedNormal.quantile(q, a, b);
            double share = Math.exp(TruncatedNormal.logMass(a, z) - TruncatedNormal.logMass(a, b));
            assertEquals(q, share, 1e-12, "share of the mass below the quantile " + q);
        }
    }
}
