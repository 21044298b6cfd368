package dev.fulcrum.plugins.subspacealignment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record SubspaceAlignmentParams(
        @Doc("principal components kept per domain, and so the number of output features; at most the number of input features")
        Integer dimensions) {

    public SubspaceAlignmentParams {
        dimensions = dimensions == null ? 20 : dimensions;
        if (dimensions < 1) {
            throw new InvalidParamsException("dimensions", "must be at least 1, got " + dimensions);
        }
    }
}
