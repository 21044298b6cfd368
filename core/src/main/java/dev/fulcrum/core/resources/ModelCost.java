package dev.fulcrum.core.resources;

import dev.fulcrum.api.data.Schema;
import dev.fulcrum.math.cost.LayerFlops;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
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
        Map<String, InputType> outputs = new HashMap<>(activationTypes(conf, input));
        conf.getNetworkInputs().forEach(name -> outputs.put(name, input));
        List<LayerCost> layers = new ArrayList<>();
        for (int index : graph.topologicalSortOrder()) {
            var vertex = graph.getVertices()[index];
            if (!vertex.hasLayer()) {
                continue;
            }
            String name = vertex.getVertexName();
            var layer = vertex.getLayer();
            long parameters = layer.numParams();
            long trainable = layer.paramTable().entrySet().stream().filter(p -> !RUNNING_STATISTICS.contains(p.getKey()))
                    .mapToLong(p -> p.getValue().length()).sum();
            List<String> inputs = conf.getVertexInputs().get(name);
            InputType in = inputs == null || inputs.isEmpty() ? input : outputs.get(inputs.get(0));
            LayerCost cost = cost(name, layer.conf().getLayer(), parameters, trainable,
                    layer.paramTable().containsKey(DefaultParamInitializer.BIAS_KEY), in, outputs.get(name));
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

    private static LayerCost cost(String name, Layer layer, long parameters, long trainable, boolean bias, InputType in,
                                  InputType out) {
        Class<?> type = layer.getClass();
        if (type == DenseLayer.class || type == OutputLayer.class) {
            FeedForwardLayer dense = (FeedForwardLayer) layer;
            return new LayerCost(name, DENSE, parameters, trainable, LayerFlops.dense(dense.getNIn(), dense.getNOut(), bias));
        }
        if ((type == ConvolutionLayer.class || type == Convolution1DLayer.class) && out != null) {
            ConvolutionLayer conv = (ConvolutionLayer) layer;
            int[] kernel = conv.getKernelSize();
            long kernelWidth = kernel.length > 1 ? kernel[1] : 1;
            long positions = out.arrayElementsPerExample() / conv.getNOut();
            return new LayerCost(name, CONVOLUTION, parameters, trainable,
                    LayerFlops.convolution(kernel[0], kernelWidth, conv.getNIn(), conv.getNOut(), 1, positions, bias));
        }
        if (type == SelfAttentionLayer.class && in != null) {
            SelfAttentionLayer attention = (SelfAttentionLayer) layer;
            long tokens = in.arrayElementsPerExample() / attention.getNIn();
            return new LayerCost(name, ATTENTION, parameters, trainable, LayerFlops.selfAttention(tokens, attention.getNIn(),
                    attention.getNHeads(), attention.getHeadSize(), attention.getNOut(), attention.isProjectInput()));
        }
        if (type == ElementWiseMultiplicationLayer.class) {
            return new LayerCost(name, ELEMENT_WISE, parameters, trainable,
                    LayerFlops.elementWise(((FeedForwardLayer) layer).getNOut(), false));
        }
        if (type == BatchNormalization.class && out != null) {
            return new LayerCost(name, BATCH_NORM, parameters, trainable, LayerFlops.elementWise(out.arrayElementsPerExample(), true));
        }
        return new LayerCost(name, ESTIMATED, parameters, trainable, 2 * parameters);
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
