package dev.fulcrum.math.representation;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.math.classify.SoftmaxRegression;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear probe (Alain and Bengio 2016, "Understanding intermediate layers using linear classifier
 * probes", arXiv 1610.01644): a softmax regression trained on one set of rows' features and scored by
 * its accuracy on another's. The regression is {@link SoftmaxRegression} on standardised features with
 * L2 regularisation {@code C = }{@value #C} (scikit-learn's default {@code LogisticRegression(C=1)}: the
 * loss summed over rows plus {@code |W|^2 / 2}, intercepts unpenalised), {@value #ITERATIONS} FISTA steps.
 */
@Experimental
public final class LinearProbe {

    /** Inverse regularisation strength, as scikit-learn's {@code C}. */
    public static final double C = 1.0;
    public static final int ITERATIONS = 300;

    private final SoftmaxRegression regression;
    private final int classes;

    private LinearProbe(SoftmaxRegression regression, int classes) {
        this.regression = regression;
        this.classes = classes;
    }

    /** Trains a probe on {@code [n, d]} features and a class in {@code [0, classes)} per row. */
    public static LinearProbe train(INDArray features, int[] labels, int classes) {
        RowLabels.check(features, labels, classes);
        return new LinearProbe(SoftmaxRegression.fit(matrix(features), labels, classes, C, ITERATIONS), classes);
    }

    /** The probe trained on the first rows, scored on the second: its accuracy there. */
    public static double accuracy(INDArray trainFeatures, int[] trainLabels, INDArray scoreFeatures, int[] scoreLabels, int classes) {
        return train(trainFeatures, trainLabels, classes).accuracy(scoreFeatures, scoreLabels);
    }

    /** The share of rows whose most probable class (the first, on ties) is their label. */
    public double accuracy(INDArray features, int[] labels) {
        RowLabels.check(features, labels, classes);
        double[][] probabilities = regression.probabilities(matrix(features));
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int top = 0;
            for (int k = 1; k < classes; k++) {
                if (probabilities[i][k] > probabilities[i][top]) {
                    top = k;
                }
            }
            right += top == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }

    private static double[][] matrix(INDArray features) {
        return features.castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}
