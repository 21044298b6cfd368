package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.FeatureColumns;

import java.util.List;

/** The columns a tabular extractor's {@code columns} param names, checked for the kind of values they must hold. */
final class NamedColumns {

    private NamedColumns() {
    }

    static int[] categorical(Schema schema, List<String> names) {
        int[] indices = FeatureColumns.indices(schema, names, "columns");
        for (int index : indices) {
            Feature feature = schema.features().get(index);
            if (!feature.isCategorical()) {
                throw new InvalidParamsException("columns", "\"" + feature.name() + "\" is numeric: one-hot takes categorical "
                        + "columns (the csv source's categorical param); use bucketize for numbers");
            }
        }
        return indices;
    }

    static int[] numeric(Schema schema, List<String> names) {
        return FeatureColumns.numeric(schema, names, "columns");
    }

    /** The required {@code columns} param: at least {@code least} distinct names. */
    static List<String> require(List<String> columns, int least) {
        if (columns == null || columns.size() < least) {
            throw new InvalidParamsException("columns", "missing: name at least " + least + " column" + (least > 1 ? "s" : ""));
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw new InvalidParamsException("columns", "names a column twice: " + columns);
        }
        return columns;
    }
}
