package dev.fulcrum.plugins.cnn;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.model.Activations;
import dev.fulcrum.api.model.Regularization;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.params.Range;

import java.util.List;

public record CnnParams(
        @Doc("filters of each convolution layer conv-1..N, input side first") List<@AtLeast(1) Integer> filters,
        @Doc("side of the square convolution kernels") @AtLeast(1) Integer kernel,
        @Doc("stride of the convolutions") @AtLeast(1) Integer stride,
        @Doc("side and stride of the max pooling after each convolution (1: no pooling)") @AtLeast(1) Integer pool,
        @Doc("sizes of the dense trunk layers dense-1..N after the convolutions") List<@AtLeast(1) Integer> dense,
        @Doc("sizes of each head's own hidden layers before its output layer") List<@AtLeast(1) Integer> headHidden,
        @Doc(Activations.DOC) String activation,
        @Doc(Regularization.DROPOUT_DOC) @Range("[0, 1)") Double dropout,
        @Doc(Regularization.WEIGHT_DECAY_DOC) @AtLeast(0) Double weightDecay,
        @Doc(Regularization.CLIP_NORM_DOC) @Positive Double clipNorm) {

    public CnnParams {
        filters = filters == null ? List.of(16, 32) : List.copyOf(filters);
        kernel = kernel == null ? 5 : kernel;
        stride = stride == null ? 1 : stride;
        pool = pool == null ? 2 : pool;
        dense = dense == null ? List.of(128) : List.copyOf(dense);
        headHidden = headHidden == null ? List.of() : List.copyOf(headHidden);
        activation = activation == null ? "relu" : activation;
        dropout = dropout == null ? 0.0 : dropout;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        if (filters.isEmpty()) {
            throw new InvalidParamsException("filters", "needs at least one convolution, got []");
        }
        Activations.parse(activation);
    }

    Regularization regularization() {
        return new Regularization(dropout, weightDecay, clipNorm);
    }
}
