package dev.fulcrum.plugins.gaussiandomains;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.math.stats.Covariance;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GaussianDomainsGeneratorTest {

    private static final GaussianDomainsParams DEFAULTS = new GaussianDomainsParams(null, null, null);

    @Test
    void defaultsAreTheAdaptCoralProtocol() {
        GaussianDomainsParams big = new GaussianDomainsParams(rows(20_000), rows(20_000), null);
        Dataset data = new GaussianDomainsGenerator(big).generate(1);
        int[] source = IntStream.range(0, 20_000).toArray();
        int[] target = IntStream.range(20_000, 40_000).toArray();
        INDArray xs = Nd4j.pullRows(data.features(), 1, source);
        INDArray xt = Nd4j.pullRows(data.features(), 1, target);
        assertClose(new double[] {0.001, 0, 0, 1}, Covariance.of(xs), 0.02);
        assertClose(new double[] {0.1, 0.2, 0.2, 0.5}, Covariance.of(xt), 0.01);
        int[] labels = data.labels(Tasks.SPECIFIC);
        for (int row : new int[] {0, 1, 2, 3, 4}) {
            assertEquals(xs.getDouble(row, 1) > 0 ? 1 : 0, labels[row]);
            assertEquals(xt.getDouble(row, 1) - 0.5 * xt.getDouble(row, 0) > 0 ? 1 : 0, labels[20_000 + row]);
        }
        assertArrayEquals(new int[] {0, 1}, new int[] {data.domains()[0], data.domains()[20_000]});
    }

    @Test
    void quadraticRuleAndMeanApply() {
        GaussianDomain shifted = new GaussianDomain(50, List.of(3.0, -1.0), List.of(List.of(1.0, 0.0), List.of(0.0, 1.0)),
                List.of(0.0, 1.0), List.of(-0.5, 0.0), 0.5);
        Dataset data = new GaussianDomainsGenerator(new GaussianDomainsParams(shifted, null, null)).generate(2);
        int[] labels = data.labels(Tasks.SPECIFIC);
        for (int row = 0; row < 50; row++) {
            double x0 = data.features().getDouble(row, 0);
            double x1 = data.features().getDouble(row, 1);
            assertEquals(x1 - 0.5 * x0 * x0 + 0.5 > 0 ? 1 : 0, labels[row], "row " + row);
        }
        double meanX0 = data.features().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 50),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0)).meanNumber().doubleValue();
        assertEquals(3.0, meanX0, 0.5);
    }

    @Test
    void sameSeedSameRows() {
        GaussianDomainsGenerator generator = new GaussianDomainsGenerator(DEFAULTS);
        assertEquals(generator.generate(5).features(), generator.generate(5).features());
        assertNotEquals(generator.generate(5).features(), generator.generate(6).features());
    }

    @Test
    void badShapesAndMatricesAreNamed() {
        InvalidParamsException mean = assertThrows(InvalidParamsException.class, () -> new GaussianDomainsParams(null,
                new GaussianDomain(null, List.of(0.0, 0.0, 0.0), null, null, null, null), null));
        assertEquals("target.mean", mean.field());
        InvalidParamsException asymmetric = assertThrows(InvalidParamsException.class, () -> new GaussianDomainsParams(
                new GaussianDomain(null, null, List.of(List.of(1.0, 0.5), List.of(0.2, 1.0)), null, null, null), null, null));
        assertEquals("source.covariance", asymmetric.field());
        GaussianDomainsParams indefinite = new GaussianDomainsParams(
                new GaussianDomain(null, null, List.of(List.of(1.0, 2.0), List.of(2.0, 1.0)), null, null, null), null, null);
        InvalidParamsException notPsd = assertThrows(InvalidParamsException.class, () -> new GaussianDomainsGenerator(indefinite));
        assertEquals("source.covariance", notPsd.field());
    }

    private static GaussianDomain rows(int rows) {
        return new GaussianDomain(rows, null, null, null, null, null);
    }

    private static void assertClose(double[] expected, INDArray matrix, double tolerance) {
        assertArrayEquals(expected, matrix.reshape(-1).toDoubleVector(), tolerance);
    }
}
