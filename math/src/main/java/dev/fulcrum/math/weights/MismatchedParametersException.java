package dev.fulcrum.math.weights;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.InvalidInputException;

/** Two parameter tables that weight-space methods cannot combine, because they are not of one graph. */
@Experimental
public final class MismatchedParametersException extends InvalidInputException {

    public MismatchedParametersException(String message) {
        super(message);
    }
}
