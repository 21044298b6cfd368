package dev.fulcrum.plugins.concat;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConcatTest {

    private static Dataset rows(float[][] values) {
        Schema schema = new Schema(Schema.numberedFeatures("x", 2, "csv"), List.of(new Task("specific", List.of("a", "b"))),
                List.of(Domains.SOURCE), null);
        return Dataset.builder(schema, Nd4j.createFromArray(values)).build();
    }

    /** Keeps its input and appends x0 + x1: learns nothing. */
    private static final class AppendsSum implements FeatureExtractor, FeatureTransform {
        @Override
        public FeatureTransform fit(Dataset training) {
            return this;
        }

        @Override
        public FeatureTransform restore(Map<String, INDArray> state) {
            return this;
        }

        @Override
        public Dataset apply(Dataset data) {
            List<Feature> features = new ArrayList<>(data.schema().features());
            features.add(new Feature("sum", "sum(x0,x1)"));
            return data.withFeatures(Nd4j.hstack(data.features(), data.features().sum(true, 1)), data.schema().withFeatures(features, null));
        }

        @Override
        public Map<String, INDArray> state() {
            return Map.of();
        }
    }

    /** Rewrites x0 in place as x0 minus its training mean, under a new origin. */
    private static final class CentresFirst implements FeatureExtractor {
        @Override
        public FeatureTransform fit(Dataset training) {
            return centring(training.features().getColumn(0).meanNumber().floatValue());
        }

        @Override
        public FeatureTransform restore(Map<String, INDArray> state) {
            return centring(state.get("mean").getFloat(0));
        }

        private static FeatureTransform centring(float mean) {
            return new FeatureTransform() {
                @Override
                public Dataset apply(Dataset data) {
                    INDArray values = data.features().dup();
                    values.getColumn(0).subi(mean);
                    List<Feature> features = new ArrayList<>(data.schema().features());
                    features.set(0, new Feature("x0", "centre(x0)"));
                    return data.withFeatures(values, data.schema().withFeatures(features, null));
                }

                @Override
                public Map<String, INDArray> state() {
                    return Map.of("mean", Nd4j.createFromArray(mean));
                }
            };
        }
    }

    @Test
    void eachPartContributesTheColumnsItMadeOrChangedAndStatesAreKeptApart() {
        Dataset training = rows(new float[][] {{1, 10}, {3, 20}});
        FeatureTransform joined = new Concat(List.of(new AppendsSum(), new CentresFirst()), false).fit(training);
        Dataset out = joined.apply(training);
        assertEquals(List.of(new Feature("sum", "sum(x0,x1)"), new Feature("x0", "centre(x0)")), out.schema().features());
        assertArrayEquals(new float[][] {{11, -1}, {23, 1}}, out.features().toFloatMatrix());
        assertEquals(List.of("1/mean"), List.copyOf(joined.state().keySet()));
        Dataset later = rows(new float[][] {{5, 5}});
        assertEquals(joined.apply(later).features(),
                new Concat(List.of(new AppendsSum(), new CentresFirst()), false).restore(joined.state()).apply(later).features());
    }

    @Test
    void aPartsParamsProblemIsPlacedUnderThePart() {
        FeatureExtractor missingColumn = new FeatureExtractor() {
            @Override
            public FeatureTransform fit(Dataset training) {
                throw new InvalidParamsException("columns", "no feature column \"age\"");
            }

            @Override
            public FeatureTransform restore(Map<String, INDArray> state) {
                throw new UnsupportedOperationException();
            }
        };
        InvalidParamsException error = assertThrows(InvalidParamsException.class,
                () -> new Concat(List.of(new AppendsSum(), missingColumn), false).fit(rows(new float[][] {{1, 2}})));
        assertEquals("extractors[1].columns", error.field());
    }

    @Test
    void keepInputPutsTheInputFirstAndRepeatedNamesAreRefused() {
        Dataset training = rows(new float[][] {{1, 10}, {3, 20}});
        Dataset out = new Concat(List.of(new AppendsSum()), true).fit(training).apply(training);
        assertEquals(List.of("x0", "x1", "sum"), out.schema().featureNames());
        assertThrows(InvalidInputException.class, () -> new Concat(List.of(new CentresFirst()), true).fit(training).apply(training),
                "the input's x0 and the centred x0 share a name");
        assertThrows(InvalidInputException.class,
                () -> new Concat(List.of(new AppendsSum(), new AppendsSum()), false).fit(training).apply(training));
    }
}
