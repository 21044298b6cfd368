package dev.fulcrum.plugins.shiftedidx;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: 4x4 images of 4 classes, class c lighting up quadrant c. */
final class IdxFixtures {

    static final int SIDE = 4;

    private IdxFixtures() {
    }

    static byte[] images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * SIDE * SIDE];
        for (int i = 0; i < count; i++) {
            int label = i % 4;
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    boolean lit = (r / 2) * 2 + c / 2 == label;
                    pixels[i * SIDE * SIDE + r * SIDE + c] = (byte) (lit ? 200 + random.nextInt(56) : random.nextInt(60));
                }
            }
        }
        return pixels;
    }

    static byte[] labels(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 4);
        }
        return labels;
    }

    static Path writeImages(Path file, byte[] pixels, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000803);
        out.writeInt(pixels.length / (SIDE * SIDE));
        out.writeInt(SIDE);
        out.writeInt(SIDE);
        out.write(pixels);
        return write(file, bytes.toByteArray(), gzip);
    }

    static Path writeLabels(Path file, byte[] labels, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000801);
        out.writeInt(labels.length);
        out.write(labels);
        return write(file, bytes.toByteArray(), gzip);
    }

    static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    /** Source (400) and target (200) image and label files in a folder, as the plugin's params name them. */
    static void writeSet(Path folder) throws IOException {
        writeImages(folder.resolve("source-images.gz"), images(400, 1), true);
        writeLabels(folder.resolve("source-labels.gz"), labels(400), true);
        writeImages(folder.resolve("target-images"), images(200, 2), false);
        writeLabels(folder.resolve("target-labels"), labels(200), false);
    }
}
