package dev.fulcrum.plugins.standardize;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code x' = (x - mean) / scale} per column; the changed columns keep their names and get the origin {@code standardize(name)}. */
final class StandardizeTransform implements FeatureTransform {

    static final String MEAN = "mean";
    static final String SCALE = "scale";

    private final INDArray mean;
    private final INDArray scale;
    private final StandardizeParams params;

    StandardizeTransform(INDArray mean, INDArray scale, StandardizeParams params) {
        this.mean = mean.reshape(1, mean.length());
        this.scale = scale.reshape(1, scale.length());
        this.params = params;
    }

    @Override
    public Dataset apply(Dataset data) {
        Schema schema = data.schema();
        if (schema.featureCount() != mean.length()) {
            throw new InvalidInputException("standardize was fitted on " + mean.length() + " feature columns, these rows have "
                    + schema.featureCount());
        }
        INDArray standardized = data.features().subRowVector(mean).diviRowVector(scale);
        return data.withFeatures(standardized, schema.withFeatures(renamed(schema), schema.image().orElse(null)));
    }

    private List<Feature> renamed(Schema schema) {
        List<Feature> features = new ArrayList<>(schema.features());
        for (int j : params.selectedColumns(schema)) {
            String name = features.get(j).name();
            features.set(j, new Feature(name, "standardize(" + name + ")"));
        }
        return features;
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of(MEAN, mean, SCALE, scale);
    }
}
