package dev.fulcrum.math.classify;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticRegressionTest {

    /**
     * Class 0 ~ N(-1, 1) and class 1 ~ N(1, 1) in equal numbers: the true posterior is
     * sigmoid(2x), which a logistic regression on many rows recovers.
     */
    @Test
    void recoversTheBayesPosteriorOfTwoGaussians() {
        int n = 20_000;
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i] = random.nextGaussian() + (y[i] == 1 ? 1 : -1);
        }
        LogisticRegression model = LogisticRegression.fit(Nd4j.create(x, new long[] {n, 1}), Nd4j.create(y), null, 1.0, 300);
        INDArray grid = Nd4j.create(new double[] {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2}, new long[] {9, 1});
        INDArray truth = Transforms.sigmoid(grid.mul(2));
        double worst = Transforms.abs(model.probabilities(grid).sub(truth)).maxNumber().doubleValue();
        assertTrue(worst < 0.03, "largest error against sigmoid(2x): " + worst);
    }

    /** Weighting the class-1 rows by 3 multiplies the odds by 3 (the intercept shifts by log 3). */
    @Test
    void sampleWeightsScaleTheOdds() {
        int n = 20_000;
        SplittableRandom random = new SplittableRandom(11);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i] = random.nextGaussian() + (y[i] == 1 ? 1 : -1);
            w[i] = y[i] == 1 ? 3 : 1;
        }
        INDArray features = Nd4j.create(x, new long[] {n, 1});
        LogisticRegression model = LogisticRegression.fit(features, Nd4j.create(y), Nd4j.create(w), 1.0, 300);
        double p = model.probabilities(Nd4j.zeros(DataType.DOUBLE, 1, 1)).getDouble(0);
        assertEquals(3.0, p / (1 - p), 0.2);
    }

    /**
     * Held-out accuracy on the two Gaussians is the Bayes accuracy Phi(1) = 0.841; rows of weight 0
     * neither train nor count, so hiding a block of mislabelled rows restores it.
     */
    @Test
    void crossValidatedAccuracyIsTheHeldOutAccuracy() {
        int n = 6000;
        SplittableRandom random = new SplittableRandom(5);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            boolean noise = i % 3 == 0;
            y[i] = i % 2;
            x[i] = random.nextGaussian() + (y[i] == 1 ? 1 : -1) * (noise ? -3 : 1);
            w[i] = noise ? 0 : 1;
        }
        INDArray features = Nd4j.create(x, new long[] {n, 1});
        double weighted = LogisticRegression.crossValidatedAccuracy(features, Nd4j.create(y), Nd4j.create(w), 1.0, 200, 5);
        assertEquals(0.841, weighted, 0.02);
        double unweighted = LogisticRegression.crossValidatedAccuracy(features, Nd4j.create(y), null, 1.0, 200, 5);
        assertTrue(unweighted < 0.75, "mislabelled rows count when not weighted out: " + unweighted);
    }
}
