package dev.fulcrum.api.model;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.InvalidParamsException;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The regularization knobs every architecture offers, applied the same way by all of them. An
 * architecture's params record declares the three components with the {@code *_DOC} texts and the
 * constraints {@code @Range("[0, 1)") Double dropout}, {@code @AtLeast(0) Double weightDecay} and
 * {@code @Positive Double clipNorm}, which the host checks where they are bound, and makes one of
 * these from them; the constructor checks the same bounds for code that makes one otherwise.
 *
 * @param dropout     probability of dropping a hidden activation during training, in [0, 1)
 * @param weightDecay decoupled weight decay coefficient (Loshchilov and Hutter, 2019), 0 for none
 * @param clipNorm    per-layer gradient L2 norm limit, or {@code null} for none
 */
@Experimental
public record Regularization(double dropout, double weightDecay, Double clipNorm) {

    public static final String DROPOUT_DOC = "probability of dropping each hidden activation during training (0: no dropout)";
    public static final String WEIGHT_DECAY_DOC = "weight decay coefficient, applied by the updater as decoupled weight decay (0: none)";
    public static final String CLIP_NORM_DOC = "clip each layer's gradient to this L2 norm (null: no clipping)";

    /** @throws InvalidParamsException naming {@code dropout}, {@code weight-decay} or {@code clip-norm} */
    public Regularization {
        if (dropout < 0 || dropout >= 1) {
            throw new InvalidParamsException("dropout", "must be in [0, 1), got " + dropout);
        }
        if (weightDecay < 0) {
            throw new InvalidParamsException("weight-decay", "must not be negative, got " + weightDecay);
        }
        if (clipNorm != null && !(clipNorm > 0)) {
            throw new InvalidParamsException("clip-norm", "must be positive, got " + clipNorm);
        }
    }

    /** Sets weight decay and gradient clipping on a network's base configuration. */
    public NeuralNetConfiguration.Builder applyTo(NeuralNetConfiguration.Builder base) {
        if (weightDecay > 0) {
            base.weightDecay(weightDecay);
        }
        if (clipNorm != null) {
            base.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(clipNorm);
        }
        return base;
    }

    /**
     * Drops a layer's input units. DL4J applies a layer's dropout to that layer's input, and its
     * {@code Dropout} takes the probability of keeping a unit; so hidden activations are dropped by
     * configuring the layers that read them.
     */
    public <B extends Layer.Builder<B>> B dropInput(B layer) {
        if (dropout > 0) {
            layer.dropOut(new Dropout(1 - dropout));
        }
        return layer;
    }
}
