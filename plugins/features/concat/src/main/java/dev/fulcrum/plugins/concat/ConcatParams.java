package dev.fulcrum.plugins.concat;

import dev.fulcrum.api.Doc;

import java.util.List;
import java.util.Map;

public record ConcatParams(
        @Doc("the feature extractors whose columns are joined, each a mapping with its type and params, "
                + "e.g. [{type: pca, components: 8}, {type: one-hot, columns: [colour]}]; each sees the same input rows "
                + "and contributes the columns it made or changed") List<Map<String, Object>> extractors,
        @Doc("put the input columns first, unchanged") Boolean keepInput) {

    public ConcatParams {
        extractors = extractors == null ? null : List.copyOf(extractors);
        keepInput = keepInput != null && keepInput;
    }
}
