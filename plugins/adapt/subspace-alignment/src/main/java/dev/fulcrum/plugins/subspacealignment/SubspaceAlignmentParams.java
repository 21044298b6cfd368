package dev.fulcrum.plugins.subspacealignment;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;

public record SubspaceAlignmentParams(
        @Doc("principal components kept per domain, and so the number of output features; at most the number of input features")
        @AtLeast(1) Integer dimensions) {

    public SubspaceAlignmentParams {
        dimensions = dimensions == null ? 20 : dimensions;
    }
}
