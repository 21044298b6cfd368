package dev.fulcrum.math.representation;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinearProbeTest {

    @Test
    void matchesTheAccuracyOfNumPysRegularisedSoftmaxRegression() {
        ReferenceCase train = ReferenceCase.read("probe-train");
        ReferenceCase score = ReferenceCase.read("probe-score");
        assertEquals(ReferenceCase.expected("probe"),
                LinearProbe.accuracy(train.values(), train.labels(), score.values(), score.labels(), 3), 1e-12);
    }

    @Test
    void aProbeOnFeaturesThatCarryTheClassIsRightOnHeldOutRowsAndOnNoiseNearChance() {
        Random random = new Random(3);
        int n = 400;
        int[] labels = new int[n];
        double[][] informative = new double[n][5];
        double[][] noise = new double[n][5];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 5; j++) {
                informative[i][j] = (j == 0 ? 8 * labels[i] : 0) + random.nextGaussian();
                noise[i][j] = random.nextGaussian();
            }
        }
        int[] trainLabels = java.util.Arrays.copyOf(labels, 200);
        int[] scoreLabels = java.util.Arrays.copyOfRange(labels, 200, n);
        assertEquals(1.0, probe(informative, trainLabels, scoreLabels), 0.0);
        assertEquals(0.5, probe(noise, trainLabels, scoreLabels), 0.1);
    }

    private static double probe(double[][] features, int[] trainLabels, int[] scoreLabels) {
        double[][] train = java.util.Arrays.copyOf(features, 200);
        double[][] score = java.util.Arrays.copyOfRange(features, 200, features.length);
        return LinearProbe.accuracy(Nd4j.create(train), trainLabels, Nd4j.create(score), scoreLabels, 2);
    }
}
