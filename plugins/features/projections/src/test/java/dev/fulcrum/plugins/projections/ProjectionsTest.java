package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.features.FeatureTransform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectionsTest {

    /** An orthonormal basis of R^3: the principal axes of the test data. */
    private static final double[][] AXES = {
            {2 / 3.0, 2 / 3.0, 1 / 3.0},
            {-2 / 3.0, 1 / 3.0, 2 / 3.0},
            {1 / 3.0, -2 / 3.0, 2 / 3.0}};
    private static final double[] VARIANCES = {9, 4, 1};

    private static Dataset rows(double[][] values) {
        Schema schema = new Schema(Schema.numberedFeatures("x", values[0].length, "test"), List.of(new Task("specific", List.of("a", "b"))),
                List.of(Domains.SOURCE), null);
        return Dataset.builder(schema, Nd4j.createFromArray(values).castTo(DataType.FLOAT)).build();
    }

    /** {@code x = 5 + sum_i sqrt(v_i) z_i a_i} with standard normal {@code z}: covariance {@code sum_i v_i a_i a_i^T}. */
    private static Dataset gaussianAlongAxes(int n) {
        SplittableRandom random = new SplittableRandom(4);
        double[][] values = new double[n][3];
        for (double[] row : values) {
            for (int i = 0; i < 3; i++) {
                double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                for (int j = 0; j < 3; j++) {
                    row[j] += Math.sqrt(VARIANCES[i]) * z * AXES[i][j];
                }
            }
            for (int j = 0; j < 3; j++) {
                row[j] += 5;
            }
        }
        return rows(values);
    }

    @Test
    void pcaFindsTheAxesOfLargestVarianceAndDecorrelatesThem() {
        Dataset training = gaussianAlongAxes(20_000);
        FeatureTransform pca = new Pca(new PcaParams(2, false, null, null)).fit(training);
        INDArray components = pca.state().get(Pca.COMPONENTS);
        for (int c = 0; c < 2; c++) {
            double cosine = 0;
            for (int j = 0; j < 3; j++) {
                cosine += components.getDouble(j, c) * AXES[c][j];
            }
            assertEquals(1, Math.abs(cosine), 0.01, "component " + c + " lies along axis " + c);
        }
        INDArray projected = pca.apply(training).features().castTo(DataType.DOUBLE);
        assertEquals(List.of("pc0", "pc1"), pca.apply(training).schema().featureNames());
        INDArray centred = projected.subRowVector(projected.mean(true, 0));
        INDArray covariance = centred.transpose().mmul(centred).divi(training.rows() - 1);
        assertEquals(9, covariance.getDouble(0, 0), 9 * 0.05);
        assertEquals(4, covariance.getDouble(1, 1), 4 * 0.05);
        assertEquals(0, covariance.getDouble(0, 1), 1e-3, "the components are uncorrelated on the training rows");
        assertEquals(0, projected.mean(0).norm2Number().doubleValue(), 1e-3, "the training rows are centred");
    }

    @Test
    void whitenedComponentsHaveUnitVarianceAndRestoreGivesTheSameTransform() {
        Dataset training = gaussianAlongAxes(2000);
        FeatureTransform pca = new Pca(new PcaParams(3, true, "w", null)).fit(training);
        INDArray projected = pca.apply(training).features();
        for (int c = 0; c < 3; c++) {
            assertEquals(1, projected.getColumn(c).varNumber().doubleValue(), 1e-3);
        }
        assertEquals(projected, new Pca(new PcaParams(3, true, "w", null)).restore(pca.state()).apply(training).features());
    }

    @Test
    void pcaCannotKeepMoreComponentsThanColumns() {
        assertEquals("components", assertThrows(InvalidParamsException.class,
                () -> new Pca(new PcaParams(4, null, null, null)).fit(gaussianAlongAxes(10))).field());
    }

    @Test
    void projectionsReadNumericColumnsOnlyOrTheNamedOnes() {
        Dataset numeric = gaussianAlongAxes(200);
        List<Feature> features = new ArrayList<>(numeric.schema().features());
        features.add(new Feature("colour", "csv:colour", List.of("blue", "red")));
        Schema mixed = numeric.schema().withFeatures(features, null);
        Dataset rows = numeric.withFeatures(Nd4j.hstack(numeric.features(), Nd4j.zeros(DataType.FLOAT, 200, 1)), mixed);
        assertEquals(new Pca(new PcaParams(3, null, null, null)).fit(numeric).apply(numeric).features(),
                new Pca(new PcaParams(3, null, null, null)).fit(rows).apply(rows).features(), "the categorical column is left out");
        assertEquals(2, new Pca(new PcaParams(2, null, null, List.of("x0", "x2"))).fit(rows).state().get(Pca.COMPONENTS).rows());
        assertEquals("columns", assertThrows(InvalidParamsException.class,
                () -> new RandomFourier(new RandomFourierParams(8, null, null, null, List.of("colour")), 1).fit(rows)).field());
    }

    /** Rahimi and Recht's claim: z(x).z(y) approximates exp(-gamma |x - y|^2), with error of order 1 / sqrt(D). */
    @Test
    void randomFourierDotProductsApproximateTheRbfKernel() {
        SplittableRandom random = new SplittableRandom(8);
        double[][] points = new double[40][5];
        for (double[] point : points) {
            for (int j = 0; j < 5; j++) {
                point[j] = random.nextDouble() * 2;
            }
        }
        double gamma = 0.3;
        Dataset data = rows(points);
        FeatureTransform features = new RandomFourier(new RandomFourierParams(4000, gamma, null, null, null), 12).fit(data);
        double[][] z = features.apply(data).features().castTo(DataType.DOUBLE).toDoubleMatrix();
        double totalError = 0;
        int pairs = 0;
        for (int a = 0; a < points.length; a++) {
            for (int b = a + 1; b < points.length; b += 7) {
                double squared = 0;
                double dot = 0;
                for (int j = 0; j < 5; j++) {
                    squared += (points[a][j] - points[b][j]) * (points[a][j] - points[b][j]);
                }
                for (int f = 0; f < z[a].length; f++) {
                    dot += z[a][f] * z[b][f];
                }
                double error = Math.abs(dot - Math.exp(-gamma * squared));
                assertTrue(error < 0.1, "pair " + a + "," + b + ": " + dot + " vs kernel " + Math.exp(-gamma * squared));
                totalError += error;
                pairs++;
            }
        }
        assertTrue(totalError / pairs < 0.03, "mean error " + totalError / pairs);
    }

    @Test
    void randomFourierDefaultsGammaToScaleAndDependsOnlyOnItsSeed() {
        Dataset data = gaussianAlongAxes(500);
        FeatureTransform features = new RandomFourier(new RandomFourierParams(2000, null, null, null, null), 3).fit(data);
        double gamma = 1 / (3 * data.features().varNumber().doubleValue());
        assertEquals(Math.sqrt(2 * gamma), features.state().get(RandomFourier.WEIGHTS).stdNumber().doubleValue(), 0.03 * Math.sqrt(2 * gamma));
        FeatureTransform again = new RandomFourier(new RandomFourierParams(2000, null, null, null, null), 3).fit(data);
        assertEquals(features.apply(data).features(), again.apply(data).features());
        assertEquals(features.apply(data).features(),
                new RandomFourier(new RandomFourierParams(2000, null, null, null, null), 99).restore(features.state()).apply(data).features(),
                "restored from state, the seed no longer matters");
    }
}
