package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Learns inner bucket edges per column from the training rows, as scikit-learn's KBinsDiscretizer
 * does with one-hot output: quantiles interpolated linearly between sorted values (numpy's default),
 * or equal widths; repeated edges are merged.
 */
final class Bucketize implements FeatureExtractor {

    private final BucketizeParams params;

    Bucketize(BucketizeParams params) {
        this.params = params;
    }

    @Override
    public FeatureTransform fit(Dataset training) {
        if (training.rows() == 0) {
            throw new InvalidInputException("bucketize: there are no training rows to fit on");
        }
        List<float[]> edges = new ArrayList<>();
        for (int index : NamedColumns.numeric(training.schema(), params.columns())) {
            float[] sorted = Nd4j.sort(training.features().getColumn(index).dup(), true).toFloatVector();
            float[] inner = innerEdges(sorted);
            if (inner.length == 0) {
                throw new InvalidInputException("bucketize: column " + training.schema().features().get(index).name()
                        + " holds one value in all training rows; there is nothing to bucket");
            }
            edges.add(inner);
        }
        return new Transform(edges);
    }

    private float[] innerEdges(float[] sorted) {
        int buckets = params.buckets();
        List<Float> edges = new ArrayList<>();
        for (int b = 1; b < buckets; b++) {
            double q = (double) b / buckets;
            float edge = params.strategy().equals(BucketizeParams.UNIFORM)
                    ? (float) (sorted[0] + q * (sorted[sorted.length - 1] - sorted[0]))
                    : quantile(sorted, q);
            if (edge > sorted[0] && (edges.isEmpty() || edge > edges.get(edges.size() - 1))) {
                edges.add(edge);
            }
        }
        float[] array = new float[edges.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = edges.get(i);
        }
        return array;
    }

    private static float quantile(float[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return (float) (sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]));
    }

    @Override
    public FeatureTransform restore(Map<String, INDArray> state) {
        List<float[]> edges = new ArrayList<>();
        for (int i = 0; i < params.columns().size(); i++) {
            INDArray saved = state.get(key(i));
            if (saved == null) {
                throw new InvalidInputException("bucketize: the saved state lacks the edges of column " + params.columns().get(i));
            }
            edges.add(saved.toFloatVector());
        }
        return new Transform(edges);
    }

    private static String key(int column) {
        return "edges-" + column;
    }

    private final class Transform implements FeatureTransform {

        /** Per named column, the inner edges: bucket b holds {@code edge[b-1] <= x < edge[b]}. */
        private final List<float[]> edges;

        Transform(List<float[]> edges) {
            this.edges = edges;
        }

        @Override
        public Dataset apply(Dataset data) {
            int[] indices = NamedColumns.numeric(data.schema(), params.columns());
            ColumnSplice splice = new ColumnSplice(data);
            for (int i = 0; i < indices.length; i++) {
                String name = data.schema().features().get(indices[i]).name();
                INDArray column = data.features().getColumn(indices[i]).reshape(data.rows(), 1);
                float[] inner = edges.get(i);
                // atLeast[b] = [x >= edge b], with edge 0 at minus infinity; bucket b = atLeast[b] - atLeast[b + 1].
                INDArray indicators = Nd4j.ones(column.dataType(), data.rows(), inner.length + 1);
                for (int b = 0; b < inner.length; b++) {
                    indicators.putColumn(b + 1, Transforms.step(column.rsub(inner[b])).rsubi(1));
                }
                for (int b = 0; b < inner.length; b++) {
                    indicators.getColumn(b).subi(indicators.getColumn(b + 1));
                }
                splice.replace(indices[i], indicators, features(name, inner));
            }
            return splice.build();
        }

        private List<Feature> features(String name, float[] inner) {
            List<Feature> features = new ArrayList<>();
            String origin = "bucketize(" + name + ")";
            for (int b = 0; b <= inner.length; b++) {
                String label = b == 0 ? "<" + number(inner[0])
                        : b == inner.length ? ">=" + number(inner[b - 1])
                        : "[" + number(inner[b - 1]) + "," + number(inner[b]) + ")";
                features.add(new Feature(name + label, origin));
            }
            return features;
        }

        @Override
        public Map<String, INDArray> state() {
            Map<String, INDArray> state = new LinkedHashMap<>();
            for (int i = 0; i < edges.size(); i++) {
                state.put(key(i), Nd4j.createFromArray(edges.get(i)));
            }
            return state;
        }
    }

    private static String number(float value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
