package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pairwise products learn nothing from the training rows: the extractor is its own transform, with an empty state. */
final class Interactions implements FeatureExtractor, FeatureTransform {

    private final List<String> columns;

    Interactions(List<String> columns) {
        this.columns = columns;
    }

    @Override
    public FeatureTransform fit(Dataset training) {
        NamedColumns.numeric(training.schema(), columns);
        return this;
    }

    @Override
    public FeatureTransform restore(Map<String, INDArray> state) {
        return this;
    }

    @Override
    public Dataset apply(Dataset data) {
        int[] indices = NamedColumns.numeric(data.schema(), columns);
        List<INDArray> products = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        for (int a = 0; a < indices.length; a++) {
            for (int b = a + 1; b < indices.length; b++) {
                products.add(data.features().getColumn(indices[a]).mul(data.features().getColumn(indices[b])).reshape(data.rows(), 1));
                features.add(new Feature(columns.get(a) + "*" + columns.get(b), "interactions(" + columns.get(a) + "," + columns.get(b) + ")"));
            }
        }
        return new ColumnSplice(data).append(Nd4j.hstack(products), features).build();
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of();
    }
}
