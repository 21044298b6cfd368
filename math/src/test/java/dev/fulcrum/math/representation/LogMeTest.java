package dev.fulcrum.math.representation;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogMeTest {

    @Test
    void matchesNumPysEvidenceWithMoreRowsThanFeatures() {
        ReferenceCase tall = ReferenceCase.read("logme-tall");
        assertEquals(ReferenceCase.expected("logme-tall"), LogMe.score(tall.values(), tall.labels(), 3), 1e-9);
    }

    @Test
    void matchesNumPysEvidenceWithMoreFeaturesThanRowsOfLowRank() {
        ReferenceCase wide = ReferenceCase.read("logme-wide");
        assertEquals(ReferenceCase.expected("logme-wide"), LogMe.score(wide.values(), wide.labels(), 3), 1e-9);
    }

    @Test
    void featuresThatSeparateTheClassesScoreAboveNoiseForEverySeed() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            int n = 200;
            int[] labels = new int[n];
            double[][] informative = new double[n][8];
            double[][] noise = new double[n][8];
            for (int i = 0; i < n; i++) {
                labels[i] = i % 4;
                for (int j = 0; j < 8; j++) {
                    informative[i][j] = (j % 4 == labels[i] ? 3 : 0) + random.nextGaussian();
                    noise[i][j] = random.nextGaussian();
                }
            }
            double good = LogMe.score(Nd4j.create(informative), labels, 4);
            double bad = LogMe.score(Nd4j.create(noise), labels, 4);
            assertTrue(good > bad + 0.1, "seed " + seed + ": informative " + good + ", noise " + bad);
        }
    }

    @Test
    void featuresOrthogonalToEveryClassScoreTheEvidenceOfNoWeightsAtAll() {
        INDArray orthogonal = Nd4j.create(new double[][] {{1}, {-1}, {1}, {-1}});
        // alpha -> infinity: y ~ N(0, I / beta) with beta = n / |y|^2 = 4 / 2, per row.
        double expected = (2 * Math.log(2) - 2 * Math.log(2 * Math.PI) - 2) / 4;
        assertEquals(expected, LogMe.score(orthogonal, new int[] {0, 0, 1, 1}, 2), 1e-9);
    }

    @Test
    void featuresThatFitEveryLabelExactlyStillGiveAFiniteScore() {
        Random random = new Random(7);
        double[][] wide = new double[6][20];
        for (double[] row : wide) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double score = LogMe.score(Nd4j.create(wide), new int[] {0, 1, 2, 0, 1, 2}, 3);
        assertTrue(Double.isFinite(score), "score " + score);
    }

    @Test
    void givesTheSameScoreForFloatFeatures() {
        ReferenceCase tall = ReferenceCase.read("logme-tall");
        INDArray single = tall.values().castTo(DataType.FLOAT);
        assertEquals(ReferenceCase.expected("logme-tall"), LogMe.score(single, tall.labels(), 3), 1e-5);
    }

    @Test
    void refusesFeaturesThatAreAllZeroAndLabelsOutOfRange() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LogMe.score(Nd4j.zeros(DataType.DOUBLE, 4, 3), new int[] {0, 1, 0, 1}, 2));
        assertEquals("LogME needs features that are not all zero", zero.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> LogMe.score(Nd4j.ones(DataType.DOUBLE, 2, 3), new int[] {0, 2}, 2));
        assertEquals("row 1: label 2 is not one of 2 classes", label.getMessage());
    }
}
