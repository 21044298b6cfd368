package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Feature;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** New feature columns for the same rows: some columns replaced in place by blocks of new ones, the rest kept, more appended. */
final class ColumnSplice {

    private record Block(INDArray values, List<Feature> features) {
    }

    private final Dataset data;
    private final TreeMap<Integer, Block> replaced = new TreeMap<>();
    private final List<Block> appended = new ArrayList<>();

    ColumnSplice(Dataset data) {
        this.data = data;
    }

    /** Puts {@code values} {@code [rows, features.size()]} where column {@code column} was. */
    ColumnSplice replace(int column, INDArray values, List<Feature> features) {
        replaced.put(column, new Block(values, features));
        return this;
    }

    ColumnSplice append(INDArray values, List<Feature> features) {
        appended.add(new Block(values, features));
        return this;
    }

    Dataset build() {
        List<INDArray> parts = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        int kept = 0;
        for (var entry : replaced.entrySet()) {
            keep(kept, entry.getKey(), parts, features);
            add(entry.getValue(), parts, features);
            kept = entry.getKey() + 1;
        }
        keep(kept, data.schema().featureCount(), parts, features);
        appended.forEach(block -> add(block, parts, features));
        INDArray values = parts.size() == 1 ? parts.get(0).dup() : Nd4j.hstack(parts);
        return data.withFeatures(values, data.schema().withFeatures(features, null));
    }

    private void keep(int from, int to, List<INDArray> parts, List<Feature> features) {
        if (from < to) {
            parts.add(data.features().get(NDArrayIndex.all(), NDArrayIndex.interval(from, to)));
            features.addAll(data.schema().features().subList(from, to));
        }
    }

    private static void add(Block block, List<INDArray> parts, List<Feature> features) {
        parts.add(block.values());
        features.addAll(block.features());
    }
}
