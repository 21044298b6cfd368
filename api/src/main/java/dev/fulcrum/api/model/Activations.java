package dev.fulcrum.api.model;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.InvalidParamsException;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

import java.util.Map;
import java.util.TreeSet;

/** The hidden-layer activations a user may name in any architecture's params, and the weight init that suits each. */
@Experimental
public final class Activations {

    /** For {@code @Doc} on an {@code activation} params component. */
    public static final String DOC = "activation of hidden layers: elu, gelu, leakyrelu, relu, sigmoid, tanh";

    private static final Map<String, Activation> BY_NAME = Map.of(
            "relu", Activation.RELU,
            "tanh", Activation.TANH,
            "elu", Activation.ELU,
            "gelu", Activation.GELU,
            "leakyrelu", Activation.LEAKYRELU,
            "sigmoid", Activation.SIGMOID);

    private Activations() {
    }

    /** @throws InvalidParamsException naming the field {@code activation} for an unknown name */
    public static Activation parse(String name) {
        Activation activation = BY_NAME.get(name);
        if (activation == null) {
            throw new InvalidParamsException("activation", "unknown activation \"" + name + "\"; known: "
                    + String.join(", ", new TreeSet<>(BY_NAME.keySet())));
        }
        return activation;
    }

    /** He initialisation for rectifiers (He et al., 2015), Glorot's for the others (Glorot and Bengio, 2010). */
    public static WeightInit weightInit(Activation activation) {
        return activation == Activation.RELU || activation == Activation.LEAKYRELU ? WeightInit.RELU : WeightInit.XAVIER;
    }
}
