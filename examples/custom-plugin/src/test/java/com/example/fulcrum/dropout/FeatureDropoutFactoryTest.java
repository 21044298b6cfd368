package com.example.fulcrum.dropout;

import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.data.Schema;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeatureDropoutFactoryTest {

    private static Batch ones(int rows, int columns) {
        Schema schema = new Schema(Schema.numberedFeatures("x", columns, "test"), List.of(), List.of("source"), null);
        return new Batch(schema, Nd4j.ones(DataType.FLOAT, rows, columns), Map.of(), Map.of(), Nd4j.ones(DataType.FLOAT, rows, 1));
    }

    @Test
    void zeroesAboutTheConfiguredFractionAndIsSeeded() {
        Augmenter augmenter = new FeatureDropoutFactory().create(new FeatureDropoutParams(0.25), null);
        INDArray first = augmenter.apply(ones(1000, 20), 7).features();
        assertEquals(0.75, first.meanNumber().doubleValue(), 0.02);
        assertEquals(first, augmenter.apply(ones(1000, 20), 7).features());
        assertEquals(false, first.equals(augmenter.apply(ones(1000, 20), 8).features()));
    }
}
