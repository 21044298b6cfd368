package dev.fulcrum.plugins.mlp;

import dev.fulcrum.api.InvalidParamsException;
import org.nd4j.linalg.activations.Activation;

import java.util.Map;

/** The hidden-layer activations a user may name. */
final class Activations {

    private static final Map<String, Activation> BY_NAME = Map.of(
            "relu", Activation.RELU,
            "tanh", Activation.TANH,
            "elu", Activation.ELU,
            "gelu", Activation.GELU,
            "leakyrelu", Activation.LEAKYRELU,
            "sigmoid", Activation.SIGMOID);

    private Activations() {
    }

    static Activation parse(String name) {
        Activation activation = BY_NAME.get(name);
        if (activation == null) {
            throw new InvalidParamsException("activation", "unknown activation \"" + name + "\"; known: "
                    + String.join(", ", new java.util.TreeSet<>(BY_NAME.keySet())));
        }
        return activation;
    }
}
