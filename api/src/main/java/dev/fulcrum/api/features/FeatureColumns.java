package dev.fulcrum.api.features;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;

import java.util.List;
import java.util.stream.IntStream;

/** Finds the feature columns an extractor's params name. */
@Stable
public final class FeatureColumns {

    private FeatureColumns() {
    }

    /**
     * The indices of the named feature columns, in the order named.
     *
     * @param field the params field that names them, for the error
     * @throws InvalidParamsException naming the field and the first unknown column, with the columns there are
     */
    public static int[] indices(Schema schema, List<String> names, String field) {
        List<String> known = schema.featureNames();
        int[] indices = new int[names.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = known.indexOf(names.get(i));
            if (indices[i] < 0) {
                throw new InvalidParamsException(field, "no feature column \"" + names.get(i) + "\"; the columns are "
                        + abbreviated(known));
            }
        }
        return indices;
    }

    /**
     * The numeric columns an extractor works on: the named ones, which must not be categorical, or
     * with {@code names} {@code null} every numeric column. Categorical columns hold category indices,
     * which only one-hot encoding makes meaningful.
     *
     * @throws InvalidParamsException naming the field, for an unknown or a categorical column, or when there is none
     */
    public static int[] numeric(Schema schema, List<String> names, String field) {
        if (names == null) {
            int[] all = IntStream.range(0, schema.featureCount()).filter(j -> !schema.features().get(j).isCategorical()).toArray();
            if (all.length == 0) {
                throw new InvalidParamsException(field, "the rows have no numeric column; one-hot their categorical columns first");
            }
            return all;
        }
        int[] indices = indices(schema, names, field);
        for (int index : indices) {
            Feature feature = schema.features().get(index);
            if (feature.isCategorical()) {
                throw new InvalidParamsException(field, "\"" + feature.name() + "\" is categorical and holds category indices, "
                        + "not numbers; one-hot it instead");
            }
        }
        return indices;
    }

    private static String abbreviated(List<String> names) {
        int shown = 20;
        return names.size() <= shown ? names.toString()
                : names.subList(0, shown) + " and " + (names.size() - shown) + " more";
    }
}
