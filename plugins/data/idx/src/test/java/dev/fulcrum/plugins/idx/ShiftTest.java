package dev.fulcrum.plugins.idx;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ShiftTest {

    private static final ShiftedIdxParams PARAMS = new ShiftedIdxParams(null, null, null, null, null, null, null, null,
            0.4, 0.4, 0.3, null, null);
    private static final INDArray PIXELS = Nd4j.create(new float[][] {{0, 0.5f, 1}});

    @Test
    void contrastAndInversionFollowTheirFormulas() {
        assertArrayEquals(new float[] {0.4f, 0.6f, 0.8f}, Shift.CONTRAST.apply(PIXELS, PARAMS, 1).toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {1, 0.5f, 0}, Shift.INVERT.apply(PIXELS, PARAMS, 1).toFloatVector(), 1e-6f);
        assertArrayEquals(PIXELS.toFloatVector(), Shift.NONE.apply(PIXELS, PARAMS, 1).toFloatVector());
    }

    @Test
    void noiseIsSeededWithTheConfiguredSpread() {
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 200, 100);
        INDArray noisy = Shift.NOISE.apply(flat, PARAMS, 7);
        assertEquals(0.3, noisy.stdNumber().doubleValue(), 0.01);
        assertEquals(0, noisy.meanNumber().doubleValue(), 0.01);
        assertEquals(noisy, Shift.NOISE.apply(flat, PARAMS, 7));
        assertNotEquals(noisy, Shift.NOISE.apply(flat, PARAMS, 8));
        assertEquals(0, flat.sumNumber().doubleValue(), "the input is left as it is");
    }
}
