package dev.fulcrum.plugins.standardize;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.features.FeatureTransform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StandardizerTest {

    private static Dataset rows(float[][] values, ImageShape image) {
        Schema schema = new Schema(Schema.numberedFeatures("x", values[0].length, "test"),
                List.of(new Task("specific", List.of("a", "b"))), List.of(Domains.SOURCE), image);
        return Dataset.builder(schema, Nd4j.createFromArray(values)).build();
    }

    private static FeatureTransform fit(StandardizeParams params, Dataset training) {
        return new Standardizer(params).fit(training);
    }

    @Test
    void perColumnUsesTheTrainingMeanAndPopulationDeviationAndOnlyCentresConstantColumns() {
        Dataset training = rows(new float[][] {{1, 10, 5}, {3, 10, 7}, {5, 10, 9}}, null);
        FeatureTransform transform = fit(new StandardizeParams(null, null), training);
        double std = Math.sqrt(8.0 / 3);
        float[][] out = transform.apply(training).features().toFloatMatrix();
        assertArrayEquals(new float[] {(float) (-2 / std), 0, (float) (-2 / std)}, out[0], 1e-6f);
        assertArrayEquals(new float[] {(float) (2 / std), 0, (float) (2 / std)}, out[2], 1e-6f);

        float[] newRow = transform.apply(rows(new float[][] {{7, 12, 7}}, null)).features().toFloatMatrix()[0];
        assertArrayEquals(new float[] {(float) (4 / std), 2, 0}, newRow, 1e-6f, "other rows use the training statistics");
    }

    @Test
    void namedColumnsAloneChangeAndGetTheStandardizeOrigin() {
        Dataset training = rows(new float[][] {{1, 10}, {3, 20}}, null);
        Dataset out = fit(new StandardizeParams(List.of("x1"), null), training).apply(training);
        assertArrayEquals(new float[] {1, -1}, out.features().toFloatMatrix()[0], 1e-6f);
        assertEquals(List.of(new Feature("x0", "test"), new Feature("x1", "standardize(x1)")), out.schema().features());
    }

    @Test
    void categoricalColumnsPassUnchangedAndCannotBeNamed() {
        Feature colour = new Feature("colour", "csv:colour", List.of("blue", "red"));
        Schema schema = new Schema(List.of(new Feature("age", "csv:age"), colour), List.of(new Task("specific", List.of("a", "b"))),
                List.of(Domains.SOURCE), null);
        Dataset training = Dataset.builder(schema, Nd4j.createFromArray(new float[][] {{20, 0}, {40, 1}})).build();
        Dataset out = fit(new StandardizeParams(null, null), training).apply(training);
        assertArrayEquals(new float[] {-1, 1}, out.features().getColumn(0).toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {0, 1}, out.features().getColumn(1).toFloatVector());
        assertEquals(colour, out.schema().features().get(1));
        assertEquals("columns", assertThrows(InvalidParamsException.class,
                () -> fit(new StandardizeParams(List.of("colour"), null), training)).field());
    }

    @Test
    void perChannelOnImagesSharesOneMeanPerChannelAndKeepsTheShape() {
        ImageShape image = new ImageShape(2, 1, 2);
        Dataset training = rows(new float[][] {{0, 2, 10, 10}, {4, 6, 30, 30}}, image);
        Dataset out = fit(new StandardizeParams(null, "auto"), training).apply(training);
        double std0 = Math.sqrt(5);
        assertArrayEquals(new float[] {(float) (-3 / std0), (float) (-1 / std0), -1, -1}, out.features().toFloatMatrix()[0], 1e-6f);
        assertEquals(image, out.schema().image().orElseThrow());
        assertEquals("standardize(x3)", out.schema().features().get(3).origin());
    }

    @Test
    void restoredStateGivesTheSameTransform() {
        Dataset training = rows(new float[][] {{1, 10, 5}, {3, 11, 7}, {8, 10, -9}}, null);
        FeatureTransform fitted = fit(new StandardizeParams(null, "column"), training);
        FeatureTransform restored = new Standardizer(new StandardizeParams(null, "column")).restore(fitted.state());
        assertEquals(fitted.apply(training).features(), restored.apply(training).features());
    }

    @Test
    void badColumnsAndChannelsOnPlainRowsAreRejectedByField() {
        Dataset training = rows(new float[][] {{1, 2}, {3, 4}}, null);
        assertEquals("columns", assertThrows(InvalidParamsException.class,
                () -> fit(new StandardizeParams(List.of("age"), null), training)).field());
        assertEquals("per", assertThrows(InvalidParamsException.class,
                () -> fit(new StandardizeParams(null, "channel"), training)).field());
        assertEquals("per", assertThrows(InvalidParamsException.class, () -> new StandardizeParams(null, "row")).field());
    }
}
