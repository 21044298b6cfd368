package dev.fulcrum.core.review;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;

/**
 * A row of image data as a PNG data URI, for {@code review.html}: its pixels (channel, then row, then column, as the
 * sources lay them out) stretched to 0..255 per image; one channel is grey, three are RGB, others show the first.
 */
final class Thumbnails {

    private Thumbnails() {
    }

    /** The row's image, or empty where the rows are not images. */
    static Optional<String> dataUri(Dataset raw, int row) {
        Optional<ImageShape> shape = raw.schema().image();
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        ImageShape image = shape.get();
        INDArray features = raw.features();
        int size = image.channels() * image.height() * image.width();
        float[] pixels = new float[size];
        for (int i = 0; i < size; i++) {
            pixels[i] = features.getFloat(row, i);
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float p : pixels) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        float range = max > min ? max - min : 1;
        int plane = image.height() * image.width();
        boolean rgb = image.channels() == 3;
        BufferedImage picture = new BufferedImage(image.width(), image.height(), rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int at = y * image.width() + x;
                int r = level(pixels[at], min, range);
                if (rgb) {
                    int g = level(pixels[plane + at], min, range);
                    int b = level(pixels[2 * plane + at], min, range);
                    picture.setRGB(x, y, (r << 16) | (g << 8) | b);
                } else {
                    picture.getRaster().setSample(x, y, 0, r);
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a thumbnail", e);
        }
        return Optional.of("data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
    }

    private static int level(float value, float min, float range) {
        return Math.round((value - min) / range * 255);
    }
}
