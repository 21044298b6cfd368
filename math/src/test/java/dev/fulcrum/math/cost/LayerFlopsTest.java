package dev.fulcrum.math.cost;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LayerFlopsTest {

    @Test
    void aDenseLayerCountsTwoPerMultiplyAddAndOnePerBias() {
        assertEquals(2L * 784 * 256 + 256, LayerFlops.dense(784, 256, true));
        assertEquals(2L * 784 * 256, LayerFlops.dense(784, 256, false));
    }

    @Test
    void aConvolutionCountsEveryWindowOfEveryOutputChannel() {
        // 28x28x1 input, 3x3 kernel, 8 filters, stride 1, no padding: 26x26 outputs per filter;
        // each output is a 9-term dot product (18 FLOPs) plus its bias: 26 * 26 * 8 * 19 = 102,752.
        assertEquals(102_752L, LayerFlops.convolution(3, 3, 1, 8, 26, 26, true));
        assertEquals(26L * 26 * 8 * 18, LayerFlops.convolution(3, 3, 1, 8, 26, 26, false));
    }

    @Test
    void attentionAddsScoresAndWeightedSumToItsProjections() {
        long tokens = 16;
        long width = 32;
        // Q, K, V: 3 * 16 * 2 * 32 * 32; output: 16 * 2 * 32 * 32; scores and weighted sum: 2 * 2 * 16^2 * 32
        long expected = 3 * 16 * 2 * 32 * 32 + 16 * 2 * 32 * 32 + 4 * 16 * 16 * 32;
        assertEquals(expected, LayerFlops.selfAttention(tokens, width, 4, 8, 32, true));
        assertEquals(4 * 16 * 16 * 32, LayerFlops.selfAttention(tokens, width, 4, 8, 32, false));
    }

    @Test
    void trainingIsThreeForwardPassesPerSample() {
        assertEquals(3.0 * 469_898 * 1000, LayerFlops.training(1000, 469_898));
    }

    @Test
    void anOverflowingShapeIsRefusedRatherThanWrappedAround() {
        assertThrows(ArithmeticException.class, () -> LayerFlops.dense(Long.MAX_VALUE / 2, 4, true));
    }
}
