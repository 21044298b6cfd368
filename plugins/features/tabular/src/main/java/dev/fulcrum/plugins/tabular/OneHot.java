package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import dev.fulcrum.api.features.StateText;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns which categories of each named column the training rows hold. The transform matches
 * categories by name, so rows read later from another file, whose category indices differ, are
 * encoded alike.
 */
final class OneHot implements FeatureExtractor {

    private final List<String> columns;

    OneHot(List<String> columns) {
        this.columns = columns;
    }

    @Override
    public FeatureTransform fit(Dataset training) {
        int[] indices = NamedColumns.categorical(training.schema(), columns);
        List<List<String>> seen = new ArrayList<>();
        for (int index : indices) {
            INDArray column = training.features().getColumn(index);
            List<String> categories = training.schema().features().get(index).categories();
            List<String> present = new ArrayList<>();
            for (int code = 0; code < categories.size(); code++) {
                if (column.eq(code).castTo(DataType.INT32).sumNumber().intValue() > 0) {
                    present.add(categories.get(code));
                }
            }
            seen.add(present);
        }
        return new Transform(seen);
    }

    @Override
    public FeatureTransform restore(Map<String, INDArray> state) {
        List<List<String>> seen = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            INDArray names = state.get(key(i));
            if (names == null) {
                throw new InvalidInputException("one-hot: the saved state lacks the categories of column " + columns.get(i));
            }
            seen.add(StateText.decode(names));
        }
        return new Transform(seen);
    }

    private static String key(int column) {
        return "categories-" + column;
    }

    private final class Transform implements FeatureTransform {

        /** Per named column, the categories that get an indicator column, in order. */
        private final List<List<String>> categories;

        Transform(List<List<String>> categories) {
            this.categories = categories;
        }

        @Override
        public Dataset apply(Dataset data) {
            int[] indices = NamedColumns.categorical(data.schema(), columns);
            ColumnSplice splice = new ColumnSplice(data);
            for (int i = 0; i < indices.length; i++) {
                Feature source = data.schema().features().get(indices[i]);
                INDArray column = data.features().getColumn(indices[i]);
                INDArray indicators = Nd4j.zeros(DataType.FLOAT, data.rows(), categories.get(i).size());
                List<Feature> features = new ArrayList<>();
                for (int k = 0; k < categories.get(i).size(); k++) {
                    String category = categories.get(i).get(k);
                    int code = source.categories().indexOf(category);
                    if (code >= 0) {
                        indicators.putColumn(k, column.eq(code).castTo(DataType.FLOAT));
                    }
                    features.add(new Feature(source.name() + "=" + category, "one-hot(" + source.name() + ")"));
                }
                splice.replace(indices[i], indicators, features);
            }
            return splice.build();
        }

        @Override
        public Map<String, INDArray> state() {
            Map<String, INDArray> state = new LinkedHashMap<>();
            for (int i = 0; i < categories.size(); i++) {
                state.put(key(i), StateText.encode(categories.get(i)));
            }
            return state;
        }
    }
}
