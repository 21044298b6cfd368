package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.ImageShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A geometric warp as a linear map of one channel's pixels, {@code out = M in}: each output pixel
 * reads the input at a source point, interpolated bilinearly from its four neighbours; the share of
 * an output pixel that falls outside the image gets a fill value. Integer moves (shifts, flips) give
 * exact copies. Applying the map to
 * many rows is one matrix product, which is why warps cost {@code 2 (H W)^2} operations per channel
 * and are limited to images of {@value #MAX_PIXELS} pixels.
 */
final class PixelMap {

    static final int MAX_PIXELS = 64 * 64;

    /** Where output pixel {@code (y, x)} reads from, as {@code {sourceY, sourceX}}. */
    @FunctionalInterface
    interface Source {
        double[] of(int y, int x);
    }

    private PixelMap() {
    }

    /** The transposed map {@code M^T} {@code [H W, H W]}, ready to multiply rows of pixels from the right. */
    static INDArray transposed(ImageShape shape, Source source) {
        int h = shape.height();
        int w = shape.width();
        int pixels = h * w;
        float[] mt = new float[pixels * pixels];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] point = source.of(y, x);
                int y0 = (int) Math.floor(point[0]);
                int x0 = (int) Math.floor(point[1]);
                double fy = point[0] - y0;
                double fx = point[1] - x0;
                int out = y * w + x;
                add(mt, pixels, shape, y0, x0, out, (1 - fy) * (1 - fx));
                add(mt, pixels, shape, y0, x0 + 1, out, (1 - fy) * fx);
                add(mt, pixels, shape, y0 + 1, x0, out, fy * (1 - fx));
                add(mt, pixels, shape, y0 + 1, x0 + 1, out, fy * fx);
            }
        }
        return Nd4j.create(mt, new long[] {pixels, pixels}, DataType.FLOAT);
    }

    private static void add(float[] mt, int pixels, ImageShape shape, int y, int x, int out, double weight) {
        if (weight > 0 && y >= 0 && y < shape.height() && x >= 0 && x < shape.width()) {
            mt[(y * shape.width() + x) * pixels + out] += (float) weight;
        }
    }

    /** Warps every channel of every row: {@code [rows, C H W]} in and out. */
    static INDArray apply(INDArray rows, ImageShape shape, INDArray transposedMap, double fill) {
        long pixels = (long) shape.height() * shape.width();
        INDArray warped = rows.reshape('c', rows.rows() * shape.channels(), pixels).mmul(transposedMap);
        if (fill != 0) {
            // A column of M^T sums the weights an output pixel takes from inside the image; the rest is fill.
            warped.addiRowVector(transposedMap.sum(true, 0).rsubi(1).muli(fill));
        }
        return warped.reshape('c', rows.rows(), shape.size());
    }

    /** Refuses images too large for a dense pixel map. */
    static void requireSmall(ImageShape shape, String type) {
        if ((long) shape.height() * shape.width() > MAX_PIXELS) {
            throw new InvalidInputException(type + " resamples pixels through a dense (H*W)^2 matrix and takes images of at most "
                    + MAX_PIXELS + " pixels per channel; these are " + shape.height() + "x" + shape.width());
        }
    }
}
