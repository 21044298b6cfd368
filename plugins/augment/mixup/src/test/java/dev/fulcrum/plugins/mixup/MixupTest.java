package dev.fulcrum.plugins.mixup;

import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.testkit.ParamsYaml;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class MixupTest {

    /** {@code n} rows, row {@code i} of class {@code i} with the features {@code e_i}: its one-hot target. */
    private static Batch identityRows(int n) {
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            classes.add("c" + c);
        }
        Schema schema = new Schema(Schema.numberedFeatures("x", n, "test"), List.of(new Task("specific", classes)),
                List.of(Domains.SOURCE), null);
        INDArray eye = Nd4j.eye(n).castTo(DataType.FLOAT);
        return new Batch(schema, eye, Map.of("specific", eye.dup()), Map.of("specific", Nd4j.ones(DataType.FLOAT, n, 1)),
                Nd4j.ones(DataType.FLOAT, n, 1));
    }

    private static Augmenter mixup(double alpha) {
        return new MixupFactory().create(new MixupParams(alpha), null);
    }

    @Test
    void featuresAndTargetsAreMixedWithTheSameShares() {
        Batch mixed = mixup(0.4).apply(identityRows(300), 9);
        assertEquals(mixed.target("specific"), mixed.features());
        assertEquals(Nd4j.ones(DataType.FLOAT, 300, 1), mixed.mask("specific"));
    }

    /** The share a row keeps of itself is its own feature; Beta(a, a) has mean 1/2 and variance 1 / (4 (2a + 1)). */
    @Test
    void sharesFollowTheBetaDistribution() {
        double alpha = 0.2;
        int n = 2000;
        INDArray kept = Nd4j.diag(mixup(alpha).apply(identityRows(n), 4).features());
        assertEquals(0.5, kept.meanNumber().doubleValue(), 0.04);
        assertEquals(1 / (4 * (2 * alpha + 1)), kept.varNumber().doubleValue(), 0.02);
    }

    @Test
    void theSeedAloneDecidesTheMix() {
        Batch rows = identityRows(50);
        assertEquals(mixup(1).apply(rows, 3).features(), mixup(1).apply(rows, 3).features());
        assertNotEquals(mixup(1).apply(rows, 3).features(), mixup(1).apply(rows, 4).features());
    }

    @Test
    void alphaMustBePositive() {
        assertEquals("params.yaml:1: alpha: must be positive, got 0.0", ParamsYaml.error(MixupParams.class, "alpha: 0.0"));
    }
}
