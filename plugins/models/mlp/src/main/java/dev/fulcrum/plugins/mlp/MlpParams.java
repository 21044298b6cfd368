package dev.fulcrum.plugins.mlp;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.model.Activations;
import dev.fulcrum.api.model.ModelGraph;
import dev.fulcrum.api.model.Regularization;

import java.util.List;

public record MlpParams(
        @Doc("sizes of the shared trunk's hidden layers, input side first") List<Integer> hidden,
        @Doc("sizes of each head's own hidden layers before its output layer") List<Integer> headHidden,
        @Doc(Activations.DOC) String activation,
        @Doc(Regularization.DROPOUT_DOC) Double dropout,
        @Doc(Regularization.WEIGHT_DECAY_DOC) Double weightDecay,
        @Doc(Regularization.CLIP_NORM_DOC) Double clipNorm) {

    public MlpParams {
        hidden = hidden == null ? List.of(256, 128) : List.copyOf(hidden);
        headHidden = headHidden == null ? List.of() : List.copyOf(headHidden);
        activation = activation == null ? "relu" : activation;
        dropout = dropout == null ? 0.0 : dropout;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        if (hidden.isEmpty() || hidden.stream().anyMatch(size -> size == null || size < 1)) {
            throw new InvalidParamsException("hidden", "needs at least one layer, each of size 1 or more, got " + hidden);
        }
        ModelGraph.checkLayerSizes("head-hidden", headHidden);
        Activations.parse(activation);
        new Regularization(dropout, weightDecay, clipNorm);
    }

    Regularization regularization() {
        return new Regularization(dropout, weightDecay, clipNorm);
    }
}
