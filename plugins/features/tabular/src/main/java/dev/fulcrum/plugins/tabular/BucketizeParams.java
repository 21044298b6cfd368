package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;

import java.util.List;

public record BucketizeParams(
        @Doc("numeric columns to replace by one 0/1 column per bucket of their values") List<String> columns,
        @Doc("buckets per column (fewer where the training rows have many equal values)") @AtLeast(2) Integer buckets,
        @Doc("quantile: buckets hold equal shares of the training rows; uniform: buckets are equally wide between "
                + "the training rows' smallest and largest value") String strategy) {

    static final String QUANTILE = "quantile";
    static final String UNIFORM = "uniform";

    public BucketizeParams {
        columns = columns == null ? null : List.copyOf(columns);
        buckets = buckets == null ? 5 : buckets;
        strategy = strategy == null ? QUANTILE : strategy;
        if (!strategy.equals(QUANTILE) && !strategy.equals(UNIFORM)) {
            throw new InvalidParamsException("strategy", "must be quantile or uniform, got \"" + strategy + "\"");
        }
    }
}
