package dev.fulcrum.core.representation;

import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each trunk layer's output on some rows, in inference mode (no dropout, BatchNorm's running
 * statistics), computed in chunks so that one forward pass never holds every row's activations of
 * every vertex at once. Outputs of rank above 2 are flattened per row in C order.
 */
public final class TrunkActivations {

    private static final int CHUNK = 512;

    private TrunkActivations() {
    }

    /** @return per trunk layer, input side first, a rows x units matrix */
    public static Map<String, INDArray> of(TrainableModel model, INDArray features) {
        if (features.rows() == 0) {
            throw new IllegalArgumentException("no rows to compute activations on");
        }
        ComputationGraph graph = model.graph();
        int last = model.trunkLayers().stream().mapToInt(layer -> graph.getVertex(layer).getVertexIndex()).max().orElseThrow();
        Map<String, List<INDArray>> parts = new LinkedHashMap<>();
        model.trunkLayers().forEach(layer -> parts.put(layer, new ArrayList<>()));
        long rows = features.rows();
        for (long start = 0; start < rows; start += CHUNK) {
            INDArray chunk = features.get(NDArrayIndex.interval(start, Math.min(rows, start + CHUNK)), NDArrayIndex.all());
            Map<String, INDArray> forward = graph.feedForward(chunk, last, false);
            parts.forEach((layer, list) -> list.add(flattened(forward.get(layer))));
        }
        Map<String, INDArray> byLayer = new LinkedHashMap<>();
        parts.forEach((layer, list) -> byLayer.put(layer, list.size() == 1 ? list.get(0) : Nd4j.concat(0, list.toArray(INDArray[]::new))));
        return byLayer;
    }

    private static INDArray flattened(INDArray activations) {
        INDArray detached = activations.detach();
        return detached.rank() == 2 ? detached : detached.dup('c').reshape('c', detached.size(0), -1);
    }
}
