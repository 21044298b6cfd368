package dev.fulcrum.math.cost;

/**
 * Forward floating-point operations of one sample through a layer, from its shapes alone. A multiply-add
 * counts as 2 FLOPs and a bias as one addition per output value, the convention of Kaplan et al. 2020,
 * "Scaling Laws for Neural Language Models", section 2.1 (forward pass {@code 2N} per token for {@code N}
 * weights, attention's {@code 2 n_ctx d} per layer on top). Operations without weights (activations,
 * pooling, softmax, residual sums, reshapes) are left out, as there: they are linear in the activations,
 * not in the weights, and well under 1 % of a dense or convolutional layer's count.
 */
public final class LayerFlops {

    /** Training costs about three forward passes: the backward pass computes two products per forward one
     * (the gradient with respect to the input and to the weights), Kaplan et al. 2020, section 2.1 ({@code C = 6N}). */
    public static final int TRAINING_PASSES = 3;

    private LayerFlops() {
    }

    /** A dense (fully connected) layer: {@code 2 in out}, plus {@code out} for the bias. */
    public static long dense(long in, long out, boolean bias) {
        return Math.addExact(Math.multiplyExact(2L, Math.multiplyExact(in, out)), bias ? out : 0L);
    }

    /**
     * A 2-D convolution: each of the {@code heightOut x widthOut x channelsOut} outputs is a
     * {@code kernelHeight x kernelWidth x channelsIn} dot product ({@code 2 k_h k_w c_in c_out h_out w_out}),
     * plus one addition per output for the bias. A 1-D convolution is the case {@code kernelHeight = heightOut = 1}.
     */
    public static long convolution(long kernelHeight, long kernelWidth, long channelsIn, long channelsOut,
                                   long heightOut, long widthOut, boolean bias) {
        long outputs = Math.multiplyExact(channelsOut, Math.multiplyExact(heightOut, widthOut));
        long window = Math.multiplyExact(kernelHeight, Math.multiplyExact(kernelWidth, channelsIn));
        return Math.addExact(Math.multiplyExact(2L, Math.multiplyExact(window, outputs)), bias ? outputs : 0L);
    }

    /**
     * Multi-head self-attention over {@code tokens} tokens of {@code width} values (Vaswani et al. 2017): with
     * {@code projected}, the query, key and value projections ({@code 3 x 2 T width d}, {@code d = heads x headSize})
     * and the output projection ({@code 2 T d out}); always the scores {@code Q K^T} ({@code 2 T^2 d}) and the
     * weighted sum of the values ({@code 2 T^2 d}). Without projections the heads read the input itself ({@code d = width}).
     */
    public static long selfAttention(long tokens, long width, long heads, long headSize, long out, boolean projected) {
        long d = projected ? Math.multiplyExact(heads, headSize) : width;
        long attention = Math.multiplyExact(4L, Math.multiplyExact(Math.multiplyExact(tokens, tokens), d));
        if (!projected) {
            return attention;
        }
        long projections = Math.multiplyExact(3L, Math.multiplyExact(tokens, dense(width, d, false)));
        long output = Math.multiplyExact(tokens, dense(d, out, false));
        return Math.addExact(attention, Math.addExact(projections, output));
    }

    /**
     * A per-value scale and offset ({@code values} of each), as batch normalisation at inference and DL4J's
     * element-wise multiplication layer apply: 2 FLOPs per value. Batch normalisation in training also
     * subtracts the batch mean and divides by its deviation: {@code normalising} counts those 2 more.
     */
    public static long elementWise(long values, boolean normalising) {
        return Math.multiplyExact(values, normalising ? 4L : 2L);
    }

    /** The FLOPs of training on {@code samples} samples of {@code forwardPerSample} each: forward and backward. */
    public static double training(long samples, long forwardPerSample) {
        return (double) TRAINING_PASSES * forwardPerSample * samples;
    }
}
