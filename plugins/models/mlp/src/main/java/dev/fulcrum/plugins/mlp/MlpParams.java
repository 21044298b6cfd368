package dev.fulcrum.plugins.mlp;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

import java.util.List;

public record MlpParams(
        @Doc("sizes of the shared trunk's hidden layers, input side first") List<Integer> hidden,
        @Doc("sizes of each head's own hidden layers before its output layer") List<Integer> headHidden,
        @Doc("activation of hidden layers: relu, tanh, elu, gelu, leakyrelu, sigmoid") String activation,
        @Doc("probability of dropping each hidden activation during training (0: no dropout)") Double dropout,
        @Doc("weight decay coefficient, applied by the updater as decoupled weight decay (0: none)") Double weightDecay,
        @Doc("clip each layer's gradient to this L2 norm (null: no clipping)") Double clipNorm) {

    public MlpParams {
        hidden = hidden == null ? List.of(256, 128) : List.copyOf(hidden);
        headHidden = headHidden == null ? List.of() : List.copyOf(headHidden);
        activation = activation == null ? "relu" : activation;
        dropout = dropout == null ? 0.0 : dropout;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        if (hidden.isEmpty() || hidden.stream().anyMatch(size -> size == null || size < 1)) {
            throw new InvalidParamsException("hidden", "needs at least one layer, each of size 1 or more, got " + hidden);
        }
        if (headHidden.stream().anyMatch(size -> size == null || size < 1)) {
            throw new InvalidParamsException("head-hidden", "layer sizes must be 1 or more, got " + headHidden);
        }
        Activations.parse(activation);
        if (dropout < 0 || dropout >= 1) {
            throw new InvalidParamsException("dropout", "must be in [0, 1), got " + dropout);
        }
        if (weightDecay < 0) {
            throw new InvalidParamsException("weight-decay", "must not be negative, got " + weightDecay);
        }
        if (clipNorm != null && clipNorm <= 0) {
            throw new InvalidParamsException("clip-norm", "must be positive, got " + clipNorm);
        }
    }
}
