package dev.fulcrum.math.classify;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxRegressionTest {

    @Test
    void separatesThreeGaussianBlobsAndGivesProbabilitiesThatSumToOne() {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            int n = 300;
            double[][] x = new double[n][2];
            int[] y = new int[n];
            double[][] centres = {{0, 0}, {6, 0}, {0, 6}};
            for (int i = 0; i < n; i++) {
                y[i] = i % 3;
                x[i][0] = centres[y[i]][0] + random.nextGaussian();
                x[i][1] = centres[y[i]][1] + random.nextGaussian();
            }
            SoftmaxRegression model = SoftmaxRegression.fit(x, y, 3, 1.0, 500);
            double[][] p = model.probabilities(x);
            int right = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(1.0, p[i][0] + p[i][1] + p[i][2], 1e-9, "seed " + seed);
                int top = p[i][0] >= p[i][1] && p[i][0] >= p[i][2] ? 0 : p[i][1] >= p[i][2] ? 1 : 2;
                right += top == y[i] ? 1 : 0;
            }
            assertTrue(right >= 0.97 * n, "seed " + seed + ": " + right + " of " + n);
        }
    }

    @Test
    void withoutInformativeFeaturesItPredictsTheClassShares() {
        double[][] x = new double[8][1];
        int[] y = {0, 0, 0, 0, 0, 0, 1, 1};
        double[][] p = SoftmaxRegression.fit(x, y, 2, 1.0, 2000).probabilities(new double[][] {{0}});
        assertEquals(0.75, p[0][0], 1e-4);
    }
}
