package dev.fulcrum.core.train;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.math.stats.ChannelMoments;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running statistics of a graph's BatchNormalization layers (DL4J's {@code mean} and {@code var},
 * or {@code log10stdev} where the layer stores the log of the standard deviation), which are not
 * weights: after the weights change they are measured again on rows, exactly (every row counts alike,
 * not a moving average), layer by layer from the input side, each on the inputs the layers below it
 * now give (as SWA's {@code bn_update}, Izmailov et al. 2018).
 */
final class BatchNormStatistics {

    private static final int BATCH = 1024;

    private final ComputationGraph graph;
    /** The BatchNormalization layers, input side first. */
    private final List<String> layers = new ArrayList<>();

    BatchNormStatistics(ComputationGraph graph) {
        this.graph = graph;
        for (int index : graph.topologicalSortOrder()) {
            var vertex = graph.getVertices()[index];
            if (vertex.hasLayer() && vertex.getLayer().conf().getLayer() instanceof BatchNormalization) {
                layers.add(vertex.getVertexName());
            }
        }
    }

    /** The parameter names (as in {@code paramTable()}) that hold running statistics. */
    Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        for (String layer : layers) {
            names.add(layer + "_" + BatchNormalizationParamInitializer.GLOBAL_MEAN);
            names.add(layer + "_" + (config(layer).isUseLogStd()
                    ? BatchNormalizationParamInitializer.GLOBAL_LOG_STD : BatchNormalizationParamInitializer.GLOBAL_VAR));
        }
        return names;
    }

    /** Measures every layer's statistics on {@code rows} of {@code features}; nothing to do without such layers. */
    void reestimate(INDArray features, int[] rows) {
        for (String layer : layers) {
            ChannelMoments moments = new ChannelMoments();
            for (int from = 0; from < rows.length; from += BATCH) {
                int[] batch = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + BATCH));
                moments.add(layerInput(layer, Nd4j.pullRows(features, 1, batch)));
            }
            if (moments.count() == 0) {
                throw new InvalidInputException("BatchNormalization layer " + layer + ": no training rows to measure "
                        + "its running statistics on");
            }
            set(layer, moments);
        }
    }

    private BatchNormalization config(String layer) {
        return (BatchNormalization) graph.getLayer(layer).conf().getLayer();
    }

    /** What the layer sees of these rows: its input vertex's activations through the layer's preprocessor. */
    private INDArray layerInput(String layer, INDArray batch) {
        String input = graph.getConfiguration().getVertexInputs().get(layer).get(0);
        INDArray activations;
        if (graph.getConfiguration().getNetworkInputs().contains(input)) {
            activations = batch;
        } else {
            Map<String, INDArray> forward = graph.feedForward(batch, graph.getVertex(input).getVertexIndex(), false);
            activations = forward.get(input);
        }
        GraphVertex vertex = graph.getConfiguration().getVertices().get(layer);
        InputPreProcessor preProcessor = vertex instanceof LayerVertex layerVertex ? layerVertex.getPreProcessor() : null;
        if (preProcessor != null) {
            activations = preProcessor.preProcess(activations, (int) batch.rows(), LayerWorkspaceMgr.noWorkspaces());
        }
        if (activations.rank() == 4 && config(layer).getCnn2DFormat() == CNN2DFormat.NHWC) {
            throw new InvalidInputException("BatchNormalization layer " + layer + " normalises channels-last (NHWC) "
                    + "activations; re-estimating its statistics supports channels-first (NCHW) only");
        }
        return activations;
    }

    /**
     * Writes the measured statistics. DL4J's layer with {@code useLogStd} stores {@code log10(sqrt(var + eps))}
     * and normalises with {@code (10^s)^2 - eps} (deeplearning4j-nn {@code layers.normalization.BatchNormalization}).
     */
    private void set(String layer, ChannelMoments moments) {
        BatchNormalization config = config(layer);
        double[] mean = moments.mean();
        double[] variance = moments.variance();
        INDArray meanParam = graph.getParam(layer + "_" + BatchNormalizationParamInitializer.GLOBAL_MEAN);
        meanParam.assign(Nd4j.create(mean).reshape(meanParam.shape()));
        if (config.isUseLogStd()) {
            double[] logStd = new double[variance.length];
            for (int c = 0; c < logStd.length; c++) {
                logStd[c] = 0.5 * Math.log10(variance[c] + config.getEps());
            }
            INDArray param = graph.getParam(layer + "_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            param.assign(Nd4j.create(logStd).reshape(param.shape()));
        } else {
            INDArray param = graph.getParam(layer + "_" + BatchNormalizationParamInitializer.GLOBAL_VAR);
            param.assign(Nd4j.create(variance).reshape(param.shape()));
        }
    }
}
