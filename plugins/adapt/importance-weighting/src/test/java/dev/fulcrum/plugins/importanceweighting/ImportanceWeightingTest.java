package dev.fulcrum.plugins.importanceweighting;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportanceWeightingTest {

    private static final int PER_DOMAIN = 3000;
    private static final double SHIFT = 0.8;

    /**
     * Source ~ N(0, I) and target ~ N((0.8, 0), I): the density ratio is
     * exp(0.8 x0 - 0.32), so log-weights are linear in x0 with slope 0.8. Source rows start with
     * weight 2, every tenth row is a test row.
     */
    private static Dataset shifted() {
        SplittableRandom random = new SplittableRandom(4);
        float[] features = new float[2 * PER_DOMAIN * 2];
        int[] domains = new int[2 * PER_DOMAIN];
        float[] weights = new float[2 * PER_DOMAIN];
        Partition[] partitions = new Partition[2 * PER_DOMAIN];
        for (int row = 0; row < 2 * PER_DOMAIN; row++) {
            boolean target = row >= PER_DOMAIN;
            features[2 * row] = (float) (random.nextGaussian() + (target ? SHIFT : 0));
            features[2 * row + 1] = (float) random.nextGaussian();
            domains[row] = target ? 1 : 0;
            weights[row] = target ? 1 : 2;
            partitions[row] = row % 10 == 0 ? Partition.TEST : Partition.TRAIN;
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", 2, "test"), List.of(new Task("specific", List.of("a", "b"))),
                List.of(Domains.SOURCE, Domains.TARGET), null);
        return Dataset.builder(schema, Nd4j.create(features, new long[] {2 * PER_DOMAIN, 2}, DataType.FLOAT))
                .domains(domains).weights(weights).partitions(partitions).build();
    }

    @Test
    void weightsFollowTheTrueDensityRatio() {
        Dataset data = shifted();
        float[] weights = new ImportanceWeighting(1.0, 1e6, 300).adapt(data).weights();
        double[] x0 = new double[PER_DOMAIN];
        double[] logWeight = new double[PER_DOMAIN];
        for (int row = 0; row < PER_DOMAIN; row++) {
            x0[row] = data.features().getDouble(row, 0);
            logWeight[row] = Math.log(weights[row]);
        }
        double slope = covariance(x0, logWeight) / covariance(x0, x0);
        assertEquals(SHIFT, slope, 0.1);
        double unexplained = covariance(logWeight, logWeight) - slope * covariance(x0, logWeight);
        assertTrue(unexplained < 0.01 * covariance(logWeight, logWeight), "log-weights are not linear in x0");
        assertTrue(Arrays.equals(Arrays.copyOfRange(weights, PER_DOMAIN, 2 * PER_DOMAIN), Arrays.copyOfRange(data.weights(), PER_DOMAIN, 2 * PER_DOMAIN)),
                "target rows keep their weights");
    }

    /** Source training rows' importance averages 1, so their weights average their old weight of 2. */
    @Test
    void clipsAndNormalisesOnSourceTrainingRows() {
        Dataset data = shifted();
        float[] weights = new ImportanceWeighting(1.0, 1.5, 300).adapt(data).weights();
        double sum = 0;
        int count = 0;
        float largest = 0;
        int atLargest = 0;
        for (int row = 0; row < PER_DOMAIN; row++) {
            if (data.partition(row) == Partition.TRAIN) {
                sum += weights[row];
                count++;
            }
            largest = Math.max(largest, weights[row]);
        }
        for (int row = 0; row < PER_DOMAIN; row++) {
            atLargest += weights[row] == largest ? 1 : 0;
        }
        assertEquals(2.0, sum / count, 1e-3);
        assertTrue(atLargest > 100, "clipping at 1.5 times the mean caps many rows; only " + atLargest + " at the cap");
    }

    private static double covariance(double[] a, double[] b) {
        double meanA = Arrays.stream(a).average().orElseThrow();
        double meanB = Arrays.stream(b).average().orElseThrow();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - meanA) * (b[i] - meanB);
        }
        return sum / a.length;
    }
}
