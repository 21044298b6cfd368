package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.features.FeatureTransform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelationRemoverTest {

    /** Feature 0 is shifted by group (a proxy for it); feature 1 is not. */
    private static Dataset rows(int n, long seed, String[] levels) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] features = new float[n][2];
        String[] groups = new String[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int level = random.nextInt(levels.length);
            groups[i] = levels[level];
            features[i][0] = (float) (random.nextGaussian() + 1.5 * level);
            features[i][1] = (float) random.nextGaussian();
            labels[i] = random.nextInt(2);
        }
        return Rowsets.binary(features, labels).sensitive("g", groups).build();
    }

    private static double[] groupMeans(Dataset data, int column, String[] levels) {
        float[][] x = data.features().toFloatMatrix();
        String[] groups = data.sensitive().get("g");
        double[] sums = new double[levels.length];
        double[] counts = new double[levels.length];
        for (int i = 0; i < x.length; i++) {
            int level = List.of(levels).indexOf(groups[i]);
            sums[level] += x[i][column];
            counts[level]++;
        }
        for (int l = 0; l < levels.length; l++) {
            sums[l] /= counts[l];
        }
        return sums;
    }

    @Test
    void afterRemovalEveryGroupHasTheSameFeatureMeans() {
        String[] levels = {"a", "b", "c"};
        Dataset training = rows(3000, 1, levels);
        Dataset removed = new CorrelationRemover(new CorrelationRemoverParams(null, 1.0)).fit(training).apply(training);
        for (int column = 0; column < 2; column++) {
            double[] means = groupMeans(removed, column, levels);
            assertEquals(means[0], means[1], 1e-4, "column " + column);
            assertEquals(means[0], means[2], 1e-4, "column " + column);
        }
        double[] before = groupMeans(training, 0, levels);
        assertTrue(before[2] - before[0] > 2.5, "the proxy was there before");
    }

    @Test
    void weightedRowsGetEqualWeightedMeans() {
        String[] levels = {"a", "b"};
        Dataset plain = rows(2000, 6, levels);
        float[] weights = new float[plain.rows()];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (0.2 + 2 * random.nextDouble());
        }
        Dataset training = plain.withWeights(weights);
        Dataset removed = new CorrelationRemover(new CorrelationRemoverParams(null, 1.0)).fit(training).apply(training);
        float[][] x = removed.features().toFloatMatrix();
        String[] groups = removed.sensitive().get("g");
        double[] sums = new double[2];
        double[] totals = new double[2];
        for (int i = 0; i < x.length; i++) {
            int level = groups[i].equals("a") ? 0 : 1;
            sums[level] += weights[i] * x[i][0];
            totals[level] += weights[i];
        }
        assertEquals(sums[0] / totals[0], sums[1] / totals[1], 1e-4);
    }

    @Test
    void alphaScalesTheRemovalAndZeroChangesNothing() {
        String[] levels = {"a", "b"};
        Dataset training = rows(1000, 2, levels);
        Dataset none = new CorrelationRemover(new CorrelationRemoverParams(null, 0.0)).fit(training).apply(training);
        assertEquals(training.features(), none.features());
        double[] half = groupMeans(new CorrelationRemover(new CorrelationRemoverParams(null, 0.5)).fit(training).apply(training), 0, levels);
        double[] full = groupMeans(training, 0, levels);
        assertEquals((full[1] - full[0]) / 2, half[1] - half[0], 1e-4);
    }

    @Test
    void theSavedStateRebuildsTheSameTransform() {
        String[] levels = {"x/1", "y & z", "w"};
        Dataset training = rows(500, 3, levels);
        CorrelationRemover remover = new CorrelationRemover(new CorrelationRemoverParams(List.of("g"), 1.0));
        FeatureTransform fitted = remover.fit(training);
        Dataset other = rows(50, 9, levels);
        INDArray expected = fitted.apply(other).features();
        assertArrayEquals(expected.ravel().toFloatVector(), remover.restore(fitted.state()).apply(other).features().ravel().toFloatVector(), 0f);
    }

    @Test
    void aValueTheTrainingRowsLackedIsBadInput() {
        Dataset training = rows(200, 4, new String[] {"a", "b"});
        FeatureTransform fitted = new CorrelationRemover(new CorrelationRemoverParams(null, 1.0)).fit(training);
        Dataset unseen = rows(20, 5, new String[] {"c"});
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> fitted.apply(unseen));
        assertEquals("correlation-remover: attribute \"g\" has the value \"c\" in row 1, which the training rows did not have; known: [a, b]",
                error.getMessage());
    }
}
