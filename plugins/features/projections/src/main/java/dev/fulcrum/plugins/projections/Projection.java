package dev.fulcrum.plugins.projections;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A fitted transform that replaces every column by {@code k} new ones, {@code prefix0..}, computed
 * from the whole row; the image shape, if any, is gone.
 */
final class Projection implements FeatureTransform {

    private final String type;
    private final String prefix;
    private final long inputColumns;
    private final UnaryOperator<INDArray> project;
    private final Map<String, INDArray> state;

    /**
     * @param project rows {@code [n, inputColumns]} to new columns {@code [n, k]}
     */
    Projection(String type, String prefix, long inputColumns, UnaryOperator<INDArray> project, Map<String, INDArray> state) {
        this.type = type;
        this.prefix = prefix;
        this.inputColumns = inputColumns;
        this.project = project;
        this.state = state;
    }

    @Override
    public Dataset apply(Dataset data) {
        if (data.schema().featureCount() != inputColumns) {
            throw new InvalidInputException(type + " was fitted on " + inputColumns + " feature columns, these rows have "
                    + data.schema().featureCount());
        }
        INDArray projected = project.apply(data.features());
        Schema schema = data.schema().withFeatures(Schema.numberedFeatures(prefix, (int) projected.columns(), type), null);
        return data.withFeatures(projected, schema);
    }

    @Override
    public Map<String, INDArray> state() {
        return state;
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
