package dev.fulcrum.math.representation;

import dev.fulcrum.math.linalg.SymmetricEigen;
import dev.fulcrum.math.random.RandomArrays;
import dev.fulcrum.math.representation.LinearCka.Estimator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The properties of linear CKA that Kornblith et al. 2019 state, each over seeds printed on failure, and a NumPy case. */
class LinearCkaTest {

    private static final int SEEDS = 20;

    private static INDArray gaussian(long seed, int rows, int columns) {
        return RandomArrays.gaussian(seed, rows, columns).castTo(DataType.DOUBLE);
    }

    /** A random orthogonal matrix: the eigenvectors of a random symmetric one. */
    private static INDArray orthogonal(long seed, int size) {
        INDArray a = gaussian(seed, size, size);
        return SymmetricEigen.of(a.add(a.transpose())).vectors();
    }

    /** Representations that share structure: Y = tanh(X A) plus noise, so their CKA is well inside (0, 1). */
    private static INDArray related(INDArray x, long seed, int columns) {
        INDArray mixed = Transforms.tanh(x.mmul(gaussian(seed + 1000, (int) x.columns(), columns)));
        return mixed.addi(gaussian(seed + 2000, (int) x.rows(), columns).muli(0.5));
    }

    @ParameterizedTest
    @EnumSource(Estimator.class)
    void aRepresentationIsFullySimilarToItself(Estimator estimator) {
        for (long seed = 0; seed < SEEDS; seed++) {
            INDArray x = gaussian(seed, 30, 8);
            assertEquals(1.0, LinearCka.of(x, x, estimator), 1e-12, "seed " + seed);
            INDArray k = x.mmul(x.transpose());
            assertEquals(1.0, LinearCka.ofGrams(k, k, estimator), 1e-12, "seed " + seed);
        }
    }

    @ParameterizedTest
    @EnumSource(Estimator.class)
    void orthogonalMapsAndIsotropicScalingLeaveItUnchangedAndItIsSymmetric(Estimator estimator) {
        for (long seed = 0; seed < SEEDS; seed++) {
            INDArray x = gaussian(seed, 40, 10);
            INDArray y = related(x, seed, 6);
            double cka = LinearCka.of(x, y, estimator);
            assertTrue(cka > 0.05 && cka < 0.999, "seed " + seed + ": a case inside (0, 1), got " + cka);
            INDArray rotated = x.mmul(orthogonal(seed + 3000, 10));
            assertEquals(cka, LinearCka.of(rotated, y, estimator), 1e-10, "seed " + seed + ": X Q");
            assertEquals(cka, LinearCka.of(x.mul(7.5), y.mul(0.01), estimator), 1e-10, "seed " + seed + ": scaled");
            assertEquals(cka, LinearCka.of(y, x, estimator), 1e-12, "seed " + seed + ": symmetric");
        }
    }

    @ParameterizedTest
    @EnumSource(Estimator.class)
    void featureAndGramFormsAgree(Estimator estimator) {
        int[][] shapes = {{12, 3, 5}, {40, 10, 6}, {20, 64, 50}, {9, 30, 2}};
        for (int[] shape : shapes) {
            for (long seed = 0; seed < SEEDS; seed++) {
                INDArray x = gaussian(seed, shape[0], shape[1]).addi(3.0); // off-centre: the forms must centre alike
                INDArray y = related(x, seed, shape[2]);
                double features = LinearCka.of(x, y, estimator);
                double grams = LinearCka.ofGrams(x.mmul(x.transpose()), y.mmul(y.transpose()), estimator);
                assertEquals(grams, features, 1e-6, "seed " + seed + ", shape " + Arrays.toString(shape));
            }
        }
    }

    /** With p > n the biased estimate of independent representations is far from 0; the debiased one is not. */
    @Test
    void onIndependentGaussiansTheBiasedEstimateIsFarAboveTheDebiasedOneWhichStaysNearZero() {
        double biasedSum = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            INDArray x = gaussian(seed, 32, 64);
            INDArray y = gaussian(seed + 500, 32, 64);
            double biased = LinearCka.of(x, y, Estimator.BIASED);
            double debiased = LinearCka.of(x, y, Estimator.DEBIASED);
            assertTrue(Math.abs(debiased) < 0.15, "seed " + seed + ": debiased " + debiased + " near 0");
            assertTrue(biased > 0.5, "seed " + seed + ": biased " + biased + " far from 0");
            assertTrue(biased - debiased > 0.4, "seed " + seed + ": biased " + biased + ", debiased " + debiased);
            biasedSum += biased;
        }
        assertTrue(biasedSum / SEEDS > 0.6, "mean biased CKA " + biasedSum / SEEDS);
    }

    @Test
    void theMatrixHoldsEveryPairAndMatchesThePairwiseIndex() {
        INDArray x = gaussian(1, 25, 6);
        List<INDArray> first = List.of(x, related(x, 1, 4));
        List<INDArray> second = List.of(related(x, 2, 3), x.mul(2), gaussian(3, 25, 5));
        double[][] matrix = LinearCka.matrix(first, second, Estimator.DEBIASED);
        assertEquals(2, matrix.length);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(3, matrix[i].length);
            for (int j = 0; j < second.size(); j++) {
                assertEquals(LinearCka.of(first.get(i), second.get(j), Estimator.DEBIASED), matrix[i][j], 1e-12, i + "," + j);
            }
        }
        assertEquals(1.0, matrix[0][1], 1e-12);
    }

    /** cka_reference.py computes both estimators with NumPy in Gram space, the debiased one tuple by tuple. */
    @Test
    void matchesTheNumPyReferenceCase() throws IOException {
        Map<String, List<double[]>> sections = reference();
        INDArray x = Nd4j.create(sections.get("x").toArray(double[][]::new));
        INDArray y = Nd4j.create(sections.get("y").toArray(double[][]::new));
        assertEquals(sections.get("n").get(0)[0], x.rows());
        for (Estimator estimator : Estimator.values()) {
            double expected = sections.get(estimator.label()).get(0)[0];
            assertEquals(expected, LinearCka.of(x, y, estimator), 1e-10, estimator.label() + ", feature space");
            assertEquals(expected, LinearCka.ofGrams(x.mmul(x.transpose()), y.mmul(y.transpose()), estimator), 1e-10,
                    estimator.label() + ", Gram space");
        }
    }

    @Test
    void aConstantRepresentationHasNoSimilarityAndTooFewRowsAreRefused() {
        INDArray x = gaussian(4, 10, 3);
        assertTrue(Double.isNaN(LinearCka.of(Nd4j.ones(DataType.DOUBLE, 10, 4), x, Estimator.BIASED)));
        IllegalArgumentException fewRows = assertThrows(IllegalArgumentException.class,
                () -> LinearCka.of(gaussian(5, 3, 2), gaussian(6, 3, 2), Estimator.DEBIASED));
        assertEquals("the debiased CKA needs at least 4 rows, got 3", fewRows.getMessage());
        IllegalArgumentException otherRows = assertThrows(IllegalArgumentException.class,
                () -> LinearCka.of(x, gaussian(7, 11, 3), Estimator.BIASED));
        assertEquals("CKA compares representations of the same rows, got 10 and 11 rows", otherRows.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Estimator.named("unbiased"));
        assertEquals("no CKA estimator unbiased; estimators are biased, debiased", name.getMessage());
    }

    /** The reference file's sections: a header {@code name count} followed by that many lines of numbers, or {@code name value}. */
    private static Map<String, List<double[]>> reference() throws IOException {
        String text;
        try (InputStream in = LinearCkaTest.class.getResourceAsStream("cka_reference.txt")) {
            assertNotNull(in, "cka_reference.txt on the test class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<double[]>> sections = new TreeMap<>();
        List<String> lines = text.lines().filter(line -> !line.startsWith("#")).toList();
        int rows = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] header = lines.get(i).split(" ");
            double value = Double.parseDouble(header[1]);
            List<double[]> section = new ArrayList<>();
            if (header[0].equals("x") || header[0].equals("y")) {
                for (int r = 0; r < rows; r++) {
                    section.add(Arrays.stream(lines.get(++i).split(" ")).mapToDouble(Double::parseDouble).toArray());
                }
            } else {
                section.add(new double[] {value});
                rows = header[0].equals("n") ? (int) value : rows;
            }
            sections.put(header[0], section);
        }
        return sections;
    }
}
