package dev.fulcrum.plugins.gaussiannoise;

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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class GaussianNoiseTest {

    private static Batch batch(int rows, int columns) {
        Schema schema = new Schema(Schema.numberedFeatures("x", columns, "test"), List.of(new Task("specific", List.of("a", "b"))),
                List.of(Domains.SOURCE), null);
        INDArray features = Nd4j.linspace(DataType.FLOAT, 0.0, 1.0, (long) rows * columns).reshape(rows, columns);
        return new Batch(schema, features, Map.of("specific", Nd4j.zeros(DataType.FLOAT, rows, 2)),
                Map.of("specific", Nd4j.ones(DataType.FLOAT, rows, 1)), Nd4j.ones(DataType.FLOAT, rows, 1));
    }

    private static Augmenter noise(double std) {
        return new GaussianNoiseFactory().create(new GaussianNoiseParams(std), null);
    }

    @Test
    void addsZeroMeanNoiseOfTheConfiguredDeviationAndKeepsTheRest() {
        Batch rows = batch(400, 50);
        INDArray before = rows.features().dup();
        Batch noisy = noise(0.5).apply(rows, 17);
        INDArray added = noisy.features().sub(before);
        assertEquals(0, added.meanNumber().doubleValue(), 0.02);
        assertEquals(0.5, added.stdNumber().doubleValue(), 0.01);
        assertEquals(before, rows.features(), "the input rows are left as they were");
        assertSame(rows.target("specific"), noisy.target("specific"));
        assertSame(rows.weights(), noisy.weights());
    }

    @Test
    void theSeedAloneDecidesTheNoise() {
        Batch rows = batch(20, 5);
        assertEquals(noise(0.1).apply(rows, 1).features(), noise(0.1).apply(rows, 1).features());
        assertNotEquals(noise(0.1).apply(rows, 1).features(), noise(0.1).apply(rows, 2).features());
    }

    @Test
    void aNegativeDeviationIsRejected() {
        assertEquals("params.yaml:1: std: must be at least 0, got -1.0", ParamsYaml.error(GaussianNoiseParams.class, "std: -1.0"));
        assertEquals("params.yaml:1: std: must be a finite number, got 1e999", ParamsYaml.error(GaussianNoiseParams.class, "std: 1e999"));
    }
}
