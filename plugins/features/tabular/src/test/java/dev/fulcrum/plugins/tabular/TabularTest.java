package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.features.FeatureTransform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TabularTest {

    private static Dataset rows(List<Feature> features, float[][] values) {
        Schema schema = new Schema(features, List.of(new Task("specific", List.of("a", "b"))), List.of(Domains.SOURCE), null);
        return Dataset.builder(schema, Nd4j.createFromArray(values)).build();
    }

    private static final Feature AGE = new Feature("age", "csv:age");

    private static Feature colour(String... categories) {
        return new Feature("colour", "csv:colour", List.of(categories));
    }

    @Test
    void oneHotGivesAColumnPerTrainingCategoryInPlaceAndMatchesCategoriesByName() {
        Dataset training = rows(List.of(colour("blue", "green", "red"), AGE), new float[][] {{0, 30}, {2, 40}, {0, 50}});
        FeatureTransform transform = new OneHot(List.of("colour")).fit(training);
        Dataset out = transform.apply(training);
        assertEquals(List.of(new Feature("colour=blue", "one-hot(colour)"), new Feature("colour=red", "one-hot(colour)"), AGE),
                out.schema().features(), "green never appears in the training rows");
        assertArrayEquals(new float[][] {{1, 0, 30}, {0, 1, 40}, {1, 0, 50}}, out.features().toFloatMatrix());

        Dataset otherFile = rows(List.of(colour("red", "yellow"), AGE), new float[][] {{0, 1}, {1, 2}});
        assertArrayEquals(new float[][] {{0, 1, 1}, {0, 0, 2}}, new OneHot(List.of("colour")).restore(transform.state())
                .apply(otherFile).features().toFloatMatrix(), "red is found by name; an unseen category gets zeros");
    }

    @Test
    void oneHotRefusesNumericColumns() {
        Dataset training = rows(List.of(colour("blue"), AGE), new float[][] {{0, 30}});
        assertEquals("columns", assertThrows(InvalidParamsException.class, () -> new OneHot(List.of("age")).fit(training)).field());
    }

    /** numpy: quantile([0, 1, 4, .., 81], [1/3, 2/3]) = [9, 36]; equal widths over 0..81 give 27 and 54. */
    @Test
    void bucketizeCutsAtQuantilesOrEqualWidthsAndIndicatesOneBucketPerRow() {
        float[][] squares = new float[10][1];
        for (int i = 0; i < 10; i++) {
            squares[i][0] = i * i;
        }
        Dataset training = rows(List.of(new Feature("x", "csv:x")), squares);
        Dataset quantiles = new Bucketize(new BucketizeParams(List.of("x"), 3, null)).fit(training).apply(training);
        assertEquals(List.of("x<9.000", "x[9.000,36.00)", "x>=36.00"), quantiles.schema().featureNames());
        float[][] buckets = quantiles.features().toFloatMatrix();
        for (int i = 0; i < 10; i++) {
            int expected = i * i < 9 ? 0 : i * i < 36 ? 1 : 2;
            float[] oneHot = new float[3];
            oneHot[expected] = 1;
            assertArrayEquals(oneHot, buckets[i], "row " + i + " (x = " + i * i + ")");
        }
        FeatureTransform uniform = new Bucketize(new BucketizeParams(List.of("x"), 3, "uniform")).fit(training);
        assertArrayEquals(new float[] {27, 54}, uniform.state().get("edges-0").toFloatVector());
        assertArrayEquals(new float[] {0, 1, 0}, new Bucketize(new BucketizeParams(List.of("x"), 3, "uniform"))
                .restore(uniform.state()).apply(rows(List.of(new Feature("x", "csv:x")), new float[][] {{27}})).features()
                .toFloatMatrix()[0], "a value on an edge falls in the bucket above it");
    }

    @Test
    void bucketizeRefusesConstantAndCategoricalColumns() {
        Dataset constant = rows(List.of(AGE), new float[][] {{3}, {3}});
        assertThrows(InvalidInputException.class, () -> new Bucketize(new BucketizeParams(List.of("age"), null, null)).fit(constant));
        Dataset categorical = rows(List.of(colour("a", "b")), new float[][] {{0}, {1}});
        assertEquals("columns", assertThrows(InvalidParamsException.class,
                () -> new Bucketize(new BucketizeParams(List.of("colour"), null, null)).fit(categorical)).field());
    }

    @Test
    void interactionsAppendEveryPairwiseProduct() {
        List<Feature> features = List.of(new Feature("a", "csv:a"), new Feature("b", "csv:b"), new Feature("c", "csv:c"));
        Dataset data = rows(features, new float[][] {{2, 3, 5}, {-1, 4, 0.5f}});
        Dataset out = new Interactions(List.of("a", "b", "c")).fit(data).apply(data);
        assertEquals(List.of("a", "b", "c", "a*b", "a*c", "b*c"), out.schema().featureNames());
        assertEquals("interactions(a,c)", out.schema().features().get(4).origin());
        assertArrayEquals(new float[][] {{2, 3, 5, 6, 10, 15}, {-1, 4, 0.5f, -4, -0.5f, 2}}, out.features().toFloatMatrix());
        assertEquals(0, new Interactions(List.of("a", "b")).fit(data).state().size());
    }

    @Test
    void columnsAreRequired() {
        assertEquals("columns", assertThrows(InvalidParamsException.class,
                () -> new InteractionsFactory().create(new InteractionsParams(List.of("a")), null)).field());
        assertEquals("columns", assertThrows(InvalidParamsException.class,
                () -> new OneHotFactory().create(new OneHotParams(null), null)).field());
    }
}
