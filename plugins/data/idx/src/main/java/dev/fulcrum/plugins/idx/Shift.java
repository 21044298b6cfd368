package dev.fulcrum.plugins.idx;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the target domain's images differ from the source's; each works on whole arrays of pixels in [0, 1]. */
enum Shift {
    /** No shift: the target is more images of the same kind. */
    NONE {
        @Override
        INDArray apply(INDArray pixels, ShiftedIdxParams params, long seed) {
            return pixels;
        }
    },
    /** {@code x' = contrast-scale x + contrast-offset}: lower contrast on a grey background. */
    CONTRAST {
        @Override
        INDArray apply(INDArray pixels, ShiftedIdxParams params, long seed) {
            return pixels.mul(params.contrastScale()).addi(params.contrastOffset());
        }
    },
    /** {@code x' = 1 - x}: a photographic negative. */
    INVERT {
        @Override
        INDArray apply(INDArray pixels, ShiftedIdxParams params, long seed) {
            return pixels.rsub(1.0);
        }
    },
    /** {@code x' = x + N(0, noise-std^2)} per pixel, seeded: sensor noise. */
    NOISE {
        @Override
        INDArray apply(INDArray pixels, ShiftedIdxParams params, long seed) {
            INDArray noise = Nd4j.getRandomFactory().getNewRandomInstance(seed).nextGaussian(pixels.shape());
            return pixels.add(noise.castTo(DataType.FLOAT).muli(params.noiseStd()));
        }
    };

    abstract INDArray apply(INDArray pixels, ShiftedIdxParams params, long seed);

    /** The shift named in params, e.g. {@code contrast}. */
    static Shift named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The names params use, e.g. {@code contrast}. */
    static List<String> names() {
        return Arrays.stream(values()).map(shift -> shift.name().toLowerCase(Locale.ROOT)).toList();
    }
}
