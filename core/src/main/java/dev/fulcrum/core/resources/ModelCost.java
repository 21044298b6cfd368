package dev.fulcrum.core.resources;

import dev.fulcrum.api.data.Schema;
import dev.fulcrum.math.cost.LayerFlops;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one sample costs a network: its parameters and forward FLOPs layer by layer, from the DL4J
 * configuration and the shapes DL4J infers from the input type ({@link LayerFlops} has the formulas).
 * Batch normalisation's running mean and variance sit in the parameter table but no gradient moves
 * them, so they count as parameters and never as trainable ones. A layer with parameters that no
 * formula covers is estimated as a dense layer of as many weights ({@code 2} FLOPs per parameter) and
 * marked so.
 *
 * @param layers every layer with parameters or FLOPs, in the graph's topological order
 */
public record ModelCost(List<LayerCost> layers) {

    /** Kinds of layer, as {@code summary.json} names them. */
    public static final String DENSE = "dense";
    public static final String CONVOLUTION = "convolution";
    public static final String ATTENTION = "attention";
    public static final String ELEMENT_WISE = "element-wise";
    public static final String BATCH_NORM = "batch-norm";
    public static final String ESTIMATED = "estimated";

    private static final Set<String> RUNNING_STATISTICS = Set.of(BatchNormalizationParamInitializer.GLOBAL_MEAN,
            BatchNormalizationParamInitializer.GLOBAL_VAR, BatchNormalizationParamInitializer.GLOBAL_LOG_STD);

    /**
     * One layer's cost.
     *
     * @param parameters          every value in the layer's parameter table
     * @param trainableParameters those a gradient moves (all but batch normalisation's running statistics)
     * @param forwardFlops        per sample
     */
    public record LayerCost(String layer, String kind, long parameters, long trainableParameters, long forwardFlops) {
    }

    public ModelCost {
        layers = List.copyOf(layers);
    }

    /** The input a network built for rows of this schema reads, as {@code ModelGraph} declares it. */
    public static InputType inputType(Schema schema) {
        return schema.image().map(image -> InputType.convolutionalFlat(image.height(), image.width(), image.channels()))
                .orElse(InputType.feedForward(schema.featureCount()));
    }

    /** The cost of {@code graph} on samples of {@code input} (its one input). */
    public static ModelCost of(ComputationGraph graph, InputType input) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        Map<String, InputType> types = new HashMap<>(activationTypes(conf, input));
        conf.getNetworkInputs().forEach(name -> types.put(name, input));
        Shapes shapes = new Shapes(conf, types);
        List<LayerCost> layers = new ArrayList<>();
        for (int index : graph.topologicalSortOrder()) {
            var vertex = graph.getVertices()[index];
            String name = vertex.getVertexName();
            shapes.follow(name);
            if (!vertex.hasLayer()) {
                continue;
            }
            var layer = vertex.getLayer();
            long parameters = layer.numParams();
            long trainable = layer.paramTable().entrySet().stream().filter(p -> !RUNNING_STATISTICS.contains(p.getKey()))
                    .mapToLong(p -> p.getValue().length()).sum();
            List<String> inputs = conf.getVertexInputs().get(name);
            long in = inputs == null || inputs.isEmpty() ? shapes.elements(conf.getNetworkInputs().get(0)) : shapes.elements(inputs.get(0));
            LayerCost cost;
            try {
                cost = cost(name, layer.conf().getLayer(), parameters, trainable,
                        layer.paramTable().containsKey(DefaultParamInitializer.BIAS_KEY), in, shapes.elements(name));
            } catch (RuntimeException e) {
                // counting never fails a run: a layer whose shapes do not fit a formula is estimated
                cost = new LayerCost(name, ESTIMATED, parameters, trainable, 2 * parameters);
            }
            if (cost.forwardFlops() > 0 || parameters > 0) {
                layers.add(cost);
            }
        }
        return new ModelCost(layers);
    }

    /**
     * Each vertex's output type, as DL4J infers it (on a copy: it may add preprocessors to the configuration it
     * walks); none where a vertex cannot say (a custom vertex without an output type), which leaves the layers
     * whose formula needs a shape estimated.
     */
    private static Map<String, InputType> activationTypes(ComputationGraphConfiguration conf, InputType input) {
        try {
            return conf.clone().getLayerActivationTypes(true, false, input);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** @param in values per sample the layer reads, {@code out} those it writes; -1 where unknown */
    private static LayerCost cost(String name, Layer layer, long parameters, long trainable, boolean bias, long in, long out) {
        Class<?> type = layer.getClass();
        if (type == DenseLayer.class || type == OutputLayer.class) {
            FeedForwardLayer dense = (FeedForwardLayer) layer;
            return new LayerCost(name, DENSE, parameters, trainable, LayerFlops.dense(dense.getNIn(), dense.getNOut(), bias));
        }
        if ((type == ConvolutionLayer.class || type == Convolution1DLayer.class) && out > 0) {
            ConvolutionLayer conv = (ConvolutionLayer) layer;
            int[] kernel = conv.getKernelSize();
            long kernelWidth = kernel.length > 1 ? kernel[1] : 1;
            long positions = out / conv.getNOut();
            return new LayerCost(name, CONVOLUTION, parameters, trainable,
                    LayerFlops.convolution(kernel[0], kernelWidth, conv.getNIn(), conv.getNOut(), 1, positions, bias));
        }
        if (type == SelfAttentionLayer.class && in > 0) {
            SelfAttentionLayer attention = (SelfAttentionLayer) layer;
            long tokens = in / attention.getNIn();
            return new LayerCost(name, ATTENTION, parameters, trainable, LayerFlops.selfAttention(tokens, attention.getNIn(),
                    attention.getNHeads(), attention.getHeadSize(), attention.getNOut(), attention.isProjectInput()));
        }
        if (type == ElementWiseMultiplicationLayer.class) {
            return new LayerCost(name, ELEMENT_WISE, parameters, trainable,
                    LayerFlops.elementWise(((FeedForwardLayer) layer).getNOut(), false));
        }
        if (type == BatchNormalization.class && out > 0) {
            return new LayerCost(name, BATCH_NORM, parameters, trainable, LayerFlops.elementWise(out, true));
        }
        return new LayerCost(name, ESTIMATED, parameters, trainable, 2 * parameters);
    }

    /**
     * Values per sample at each vertex's output. DL4J's inferred types leave a sequence's length unset after a
     * {@link ReshapeVertex} (the attention model's tokens), so lengths are followed through the graph: a
     * reshape to {@code [batch, size, length]} sets it, other vertices keep their input's.
     */
    private static final class Shapes {

        private final ComputationGraphConfiguration conf;
        private final Map<String, InputType> types;
        private final Map<String, Long> lengths = new HashMap<>();

        Shapes(ComputationGraphConfiguration conf, Map<String, InputType> types) {
            this.conf = conf;
            this.types = types;
            conf.getNetworkInputs().forEach(this::follow);
        }

        void follow(String name) {
            InputType type = types.get(name);
            long length = -1;
            if (type instanceof InputType.InputTypeRecurrent recurrent && recurrent.getTimeSeriesLength() > 0) {
                length = recurrent.getTimeSeriesLength();
            } else if (conf.getVertices().get(name) instanceof ReshapeVertex reshape && reshape.getNewShape().length == 3) {
                length = reshape.getNewShape()[2];
            } else if (conf.getVertexInputs().get(name) != null && !conf.getVertexInputs().get(name).isEmpty()) {
                length = lengths.getOrDefault(conf.getVertexInputs().get(name).get(0), -1L);
            }
            lengths.put(name, length);
        }

        long elements(String name) {
            InputType type = types.get(name);
            if (type == null) {
                return -1;
            }
            if (type instanceof InputType.InputTypeRecurrent recurrent) {
                long length = lengths.getOrDefault(name, -1L);
                return length > 0 ? recurrent.getSize() * length : -1;
            }
            try {
                return type.arrayElementsPerExample();
            } catch (IllegalStateException e) {
                return -1;
            }
        }
    }

    /** Every parameter of the network. */
    public long parameters() {
        return layers.stream().mapToLong(LayerCost::parameters).sum();
    }

    /** The parameters a gradient can move in the named layers. */
    public long trainableParameters(Collection<String> names) {
        return layers.stream().filter(layer -> names.contains(layer.layer())).mapToLong(LayerCost::trainableParameters).sum();
    }

    /** Forward FLOPs of one sample through the whole network, every head included (DL4J computes them all). */
    public long forwardFlops() {
        return layers.stream().mapToLong(LayerCost::forwardFlops).sum();
    }
}
