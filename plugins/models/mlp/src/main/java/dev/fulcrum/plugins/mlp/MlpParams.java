package dev.fulcrum.plugins.mlp;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.model.Activations;
import dev.fulcrum.api.model.Regularization;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.params.Range;

import java.util.List;

public record MlpParams(
        @Doc("sizes of the shared trunk's hidden layers, input side first") List<@AtLeast(1) Integer> hidden,
        @Doc("sizes of each head's own hidden layers before its output layer") List<@AtLeast(1) Integer> headHidden,
        @Doc(Activations.DOC) String activation,
        @Doc(Regularization.DROPOUT_DOC) @Range("[0, 1)") Double dropout,
        @Doc(Regularization.WEIGHT_DECAY_DOC) @AtLeast(0) Double weightDecay,
        @Doc(Regularization.CLIP_NORM_DOC) @Positive Double clipNorm) {

    public MlpParams {
        hidden = hidden == null ? List.of(256, 128) : List.copyOf(hidden);
        headHidden = headHidden == null ? List.of() : List.copyOf(headHidden);
        activation = activation == null ? "relu" : activation;
        dropout = dropout == null ? 0.0 : dropout;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        if (hidden.isEmpty()) {
            throw new InvalidParamsException("hidden", "needs at least one layer, got []");
        }
        Activations.parse(activation);
    }

    Regularization regularization() {
        return new Regularization(dropout, weightDecay, clipNorm);
    }
}
