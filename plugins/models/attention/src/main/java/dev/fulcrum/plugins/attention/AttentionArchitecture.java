package dev.fulcrum.plugins.attention;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.model.Activations;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.model.ModelGraph;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * A small transformer encoder (Vaswani et al., 2017) built from DL4J's layers. Tokens are image
 * patches, embedded by a convolution whose kernel and stride are the patch (as in ViT, Dosovitskiy et
 * al., 2021), or single features, each embedded by a width-wide projection (as in FT-Transformer,
 * Gorishniy et al., 2021). A learned per-token scale and offset ({@code position}) tells tokens
 * apart, since attention itself ignores order; the scales start near 1 at random (as ViT's position
 * embeddings start random), so tokens differ from the first step. Then {@code blocks} times: multi-head self-attention
 * ({@code attention-i}) and a token-wise feed-forward layer ({@code ffn-i}), each added to its input;
 * then the tokens are averaged, followed by dense layers and one softmax head per task. DL4J has no
 * layer normalization for sequences, so the encoder is kept shallow.
 */
final class AttentionArchitecture implements ModelArchitecture {

    private final AttentionParams params;

    AttentionArchitecture(AttentionParams params) {
        this.params = params;
    }

    @Override
    public TrainableModel build(ModelSpec spec) {
        Activation activation = Activations.parse(params.activation());
        ModelGraph model = ModelGraph.start(spec, activation, params.regularization());
        int width = params.width();
        boolean patches = params.tokens().equals(AttentionParams.PATCHES)
                || (params.tokens().equals(AttentionParams.AUTO) && spec.imageShape().isPresent());
        int tokens = patches ? embedPatches(model, spec) : embedFeatures(model, spec);
        model.graph().addVertex("embedded", new ReshapeVertex(-1, width * tokens), "embed");
        model.trunk("position", new ElementWiseMultiplicationLayer.Builder().nIn(width * tokens).nOut(width * tokens)
                .activation(Activation.IDENTITY).weightInit(new NormalDistribution(1, 0.1)).build(), "embedded");
        model.graph().addVertex("tokens", new ReshapeVertex(-1, width, tokens), "position");
        String previous = "tokens";
        for (int i = 1; i <= params.blocks(); i++) {
            model.trunk("attention-" + i, new SelfAttentionLayer.Builder().nIn(width).nOut(width).nHeads(params.heads())
                    .headSize(width / params.heads()).projectInput(true).build(), previous);
            model.graph().addVertex("attended-" + i, new ElementWiseVertex(ElementWiseVertex.Op.Add), previous, "attention-" + i);
            model.trunk("ffn-" + i, model.regularization().dropInput(new Convolution1DLayer.Builder().kernelSize(1).nOut(width)
                    .activation(activation)).build(), "attended-" + i);
            model.graph().addVertex("block-" + i, new ElementWiseVertex(ElementWiseVertex.Op.Add), "attended-" + i, "ffn-" + i);
            previous = "block-" + i;
        }
        model.graph().addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), previous);
        previous = "pool";
        for (int i = 0; i < params.dense().size(); i++) {
            String name = "dense-" + (i + 1);
            model.trunk(name, model.regularization().dropInput(new DenseLayer.Builder().nOut(params.dense().get(i))
                    .activation(activation)).build(), previous);
            previous = name;
        }
        return model.build(previous, params.headHidden());
    }

    /** A patch-sized, patch-strided convolution: one width-wide token per patch. Returns the token count. */
    private int embedPatches(ModelGraph model, ModelSpec spec) {
        ImageShape image = spec.imageShape().orElseThrow(() -> new InvalidInputException("model attention: tokens: patches "
                + "needs image rows (a data source whose rows are images, such as idx); these rows are plain features"));
        int patch = params.patch();
        if (image.height() % patch != 0 || image.width() % patch != 0) {
            throw new InvalidInputException("model attention: patch " + patch + " must divide the " + image.height() + "x"
                    + image.width() + " images");
        }
        model.trunk("embed", new ConvolutionLayer.Builder(patch, patch).stride(patch, patch).nOut(params.width())
                .activation(Activation.IDENTITY).convolutionMode(ConvolutionMode.Truncate).build(), ModelGraph.INPUT);
        return (image.height() / patch) * (image.width() / patch);
    }

    /** The features as a sequence of one-value tokens, each projected to the width. Returns the token count. */
    private int embedFeatures(ModelGraph model, ModelSpec spec) {
        int features = spec.inputSize();
        model.graph().addVertex("sequence", new ReshapeVertex(-1, 1, features), ModelGraph.INPUT);
        model.trunk("embed", new Convolution1DLayer.Builder().kernelSize(1).nOut(params.width())
                .activation(Activation.IDENTITY).build(), "sequence");
        return features;
    }
}
