package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.FeatureColumns;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A fitted transform that replaces every column by {@code k} new ones, {@code prefix0..}, computed
 * from the row's projected columns (the named ones, or every numeric one); the image shape, if any,
 * is gone.
 */
final class Projection implements FeatureTransform {

    private final String type;
    private final String prefix;
    private final List<String> columns;
    private final long inputColumns;
    private final UnaryOperator<INDArray> project;
    private final Map<String, INDArray> state;

    /**
     * @param columns the projected columns' names, or {@code null} for every numeric column
     * @param project the projected columns {@code [n, inputColumns]} to new columns {@code [n, k]}
     */
    Projection(String type, String prefix, List<String> columns, long inputColumns, UnaryOperator<INDArray> project,
               Map<String, INDArray> state) {
        this.type = type;
        this.prefix = prefix;
        this.columns = columns;
        this.inputColumns = inputColumns;
        this.project = project;
        this.state = state;
    }

    @Override
    public Dataset apply(Dataset data) {
        INDArray input = projectedColumns(data, columns);
        if (input.columns() != inputColumns) {
            throw new InvalidInputException(type + " was fitted on " + inputColumns + " columns, these rows have "
                    + input.columns() + " to project");
        }
        INDArray projected = project.apply(input);
        Schema schema = data.schema().withFeatures(Schema.numberedFeatures(prefix, projected.columns(), type), null);
        return data.withFeatures(projected, schema);
    }

    @Override
    public Map<String, INDArray> state() {
        return state;
    }

    /** The columns a projection reads: the named ones, or every numeric one. */
    static INDArray projectedColumns(Dataset data, List<String> columns) {
        int[] indices = FeatureColumns.numeric(data.schema(), columns, "columns");
        return indices.length == data.schema().featureCount() ? data.features() : data.features().getColumns(indices);
    }

    /** A saved array, or a clear error naming what is missing. */
    static INDArray require(Map<String, INDArray> state, String key, String type) {
        INDArray array = state.get(key);
        if (array == null) {
            throw new InvalidInputException(type + ": the saved state lacks \"" + key + "\"; it has " + state.keySet());
        }
        return array;
    }
}
