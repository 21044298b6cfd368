package dev.fulcrum.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Small labelled image sets in the IDX format MNIST ships in, made up for tests of image plugins: an
 * image of class {@code c} is noise with a bright horizontal bar whose row depends on {@code c} and a
 * bright vertical bar whose column depends on {@code c}, so that every class is learnable from a few
 * rows and a convolution or attention over patches has something local to find.
 */
public final class IdxImages {

    /** An image file and its label file. */
    public record Files(Path images, Path labels) {
    }

    private IdxImages() {
    }

    /**
     * Writes {@code count} square images of {@code side} pixels, labels cycling through {@code classes}.
     *
     * @param gzip whether to gzip both files (as MNIST is distributed)
     */
    public static Files write(Path folder, String name, int count, int side, int classes, long seed, boolean gzip) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * side * side];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % classes;
            labels[i] = (byte) label;
            int row = (label * side) / classes;
            int column = ((classes - 1 - label) * side) / classes;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    boolean bar = y == row || x == column;
                    int value = bar ? 180 + random.nextInt(76) : random.nextInt(90);
                    pixels[i * side * side + y * side + x] = (byte) value;
                }
            }
        }
        String suffix = gzip ? ".gz" : "";
        return new Files(
                write(folder.resolve(name + "-images-idx3-ubyte" + suffix), bytes(pixels, count, side, side), gzip),
                write(folder.resolve(name + "-labels-idx1-ubyte" + suffix), bytes(labels, count), gzip));
    }

    /** The content of an unsigned-byte IDX file: its header for the given dimensions, then the data. */
    public static byte[] bytes(byte[] data, int... dimensions) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dimensions.length);
        for (int dimension : dimensions) {
            buffer.putInt(dimension);
        }
        return buffer.put(data).array();
    }

    /** Writes bytes to a file, gzipped or not, and returns the file. */
    public static Path write(Path file, byte[] content, boolean gzip) {
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            if (!gzip) {
                return java.nio.file.Files.write(file, content);
            }
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(compressed)) {
                out.write(content);
            }
            return java.nio.file.Files.write(file, compressed.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
