package dev.fulcrum.plugins.cnn;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.model.Activations;
import dev.fulcrum.api.model.ModelGraph;
import dev.fulcrum.api.model.Regularization;

import java.util.List;

public record CnnParams(
        @Doc("filters of each convolution layer conv-1..N, input side first") List<Integer> filters,
        @Doc("side of the square convolution kernels") Integer kernel,
        @Doc("stride of the convolutions") Integer stride,
        @Doc("side and stride of the max pooling after each convolution (1: no pooling)") Integer pool,
        @Doc("sizes of the dense trunk layers dense-1..N after the convolutions") List<Integer> dense,
        @Doc("sizes of each head's own hidden layers before its output layer") List<Integer> headHidden,
        @Doc(Activations.DOC) String activation,
        @Doc(Regularization.DROPOUT_DOC) Double dropout,
        @Doc(Regularization.WEIGHT_DECAY_DOC) Double weightDecay,
        @Doc(Regularization.CLIP_NORM_DOC) Double clipNorm) {

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
        if (filters.isEmpty() || filters.stream().anyMatch(f -> f < 1)) {
            throw new InvalidParamsException("filters", "needs at least one convolution, each with 1 filter or more, got " + filters);
        }
        if (kernel < 1) {
            throw new InvalidParamsException("kernel", "must be at least 1, got " + kernel);
        }
        if (stride < 1) {
            throw new InvalidParamsException("stride", "must be at least 1, got " + stride);
        }
        if (pool < 1) {
            throw new InvalidParamsException("pool", "must be at least 1 (1: no pooling), got " + pool);
        }
        ModelGraph.checkLayerSizes("dense", dense);
        ModelGraph.checkLayerSizes("head-hidden", headHidden);
        Activations.parse(activation);
        new Regularization(dropout, weightDecay, clipNorm);
    }

    Regularization regularization() {
        return new Regularization(dropout, weightDecay, clipNorm);
    }
}
