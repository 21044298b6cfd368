package dev.fulcrum.plugins.attention;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.model.Activations;
import dev.fulcrum.api.model.Regularization;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.params.Range;

import java.util.List;

public record AttentionParams(
        @Doc("what the tokens are: patches (square image patches), features (one token per feature) or auto (patches for image rows, else features)") String tokens,
        @Doc("side of the square image patches, which must divide the image's height and width") @AtLeast(1) Integer patch,
        @Doc("width of every token (the model dimension)") @AtLeast(1) Integer width,
        @Doc("attention heads per block; they must divide the width") @AtLeast(1) Integer heads,
        @Doc("encoder blocks attention-i and ffn-i, each with a residual connection") @AtLeast(1) Integer blocks,
        @Doc("sizes of the dense trunk layers dense-1..N after averaging the tokens") List<@AtLeast(1) Integer> dense,
        @Doc("sizes of each head's own hidden layers before its output layer") List<@AtLeast(1) Integer> headHidden,
        @Doc(Activations.DOC) String activation,
        @Doc(Regularization.DROPOUT_DOC) @Range("[0, 1)") Double dropout,
        @Doc(Regularization.WEIGHT_DECAY_DOC) @AtLeast(0) Double weightDecay,
        @Doc(Regularization.CLIP_NORM_DOC) @Positive Double clipNorm) {

    public static final String AUTO = "auto";
    public static final String PATCHES = "patches";
    public static final String FEATURES = "features";

    public AttentionParams {
        tokens = tokens == null ? AUTO : tokens;
        patch = patch == null ? 7 : patch;
        width = width == null ? 32 : width;
        heads = heads == null ? 4 : heads;
        blocks = blocks == null ? 1 : blocks;
        dense = dense == null ? List.of(64) : List.copyOf(dense);
        headHidden = headHidden == null ? List.of() : List.copyOf(headHidden);
        activation = activation == null ? "relu" : activation;
        dropout = dropout == null ? 0.0 : dropout;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        if (!List.of(AUTO, PATCHES, FEATURES).contains(tokens)) {
            throw new InvalidParamsException("tokens", "expected auto, patches or features, got \"" + tokens + "\"");
        }
        // a width or heads below 1 is left to their @AtLeast(1)
        if (width >= 1 && heads >= 1 && width % heads != 0) {
            throw new InvalidParamsException("heads", "must divide the width " + width + ", got " + heads);
        }
        Activations.parse(activation);
    }

    Regularization regularization() {
        return new Regularization(dropout, weightDecay, clipNorm);
    }
}
