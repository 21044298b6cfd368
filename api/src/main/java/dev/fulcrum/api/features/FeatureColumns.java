package dev.fulcrum.api.features;

import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Stable;
import dev.fulcrum.api.data.Schema;

import java.util.List;

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

    private static String abbreviated(List<String> names) {
        int shown = 20;
        return names.size() <= shown ? names.toString()
                : names.subList(0, shown) + " and " + (names.size() - shown) + " more";
    }
}
