package dev.fulcrum.plugins.coral;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.params.AtLeast;

public record CoralParams(
        @Doc("lambda added to the diagonal of both covariance matrices before the map is computed; Sun et al. use 1 on "
                + "standardised features, ADAPT 1e-5; 0 needs a non-singular source covariance") @AtLeast(0) Double regularizer) {

    public CoralParams {
        regularizer = regularizer == null ? 1.0 : regularizer;
    }
}
