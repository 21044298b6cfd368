package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.testkit.IdxImages;
import dev.fulcrum.testkit.Mutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 mutations of valid image and label files (plain and gzipped): the reader refuses each
 * broken one with a {@link DataFileException}, and reads every value of each one it accepts.
 */
class IdxFuzzTest {

    @TempDir
    Path folder;

    @Test
    void mutatedFilesOnlyEverGetADataFileException() throws IOException {
        byte[] pixels = new byte[3 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }
        byte[] images = IdxImages.bytes(pixels, 3, 4, 7);
        byte[] labels = IdxImages.bytes(new byte[] {3, 0, 9, (byte) 200, 1}, 5);
        List<byte[]> seeds = List.of(images, labels, gzip(images), gzip(labels));
        Path file = folder.resolve("input");
        int count = 10_000;
        int refused = Mutations.fuzz("idx", seeds, 15, count, input -> {
            Files.write(file, input);
            try {
                readAll(IdxFile.read(file, 1, "label files"));
            } catch (DataFileException notLabels) {
                // the documented refusal; the same file as images below
            }
            readAll(IdxFile.read(file, 3, "image files"));
        }, DataFileException.class);
        // The reader is strict (the length must be what the header announces), so most mutations are refused; some must not be.
        assertTrue(refused > count / 2 && refused < count - 100, refused + " of " + count + " refused");
    }

    @Test
    void recordsWhoseSizeOverflowsAnIntAreRefused() {
        // 65,536 x 65,536 is 2^32: an int wraps to 0 and the file would read as records of no bytes.
        Path file = IdxImages.write(folder.resolve("wrapping"), IdxImages.bytes(new byte[0], 1, 65_536, 65_536), false);
        DataFileException refused = assertThrows(DataFileException.class, () -> IdxFile.read(file, 3, "image files"));
        assertTrue(refused.getMessage().contains("byte offset 8: a record of [65536, 65536] values is larger than"), refused.getMessage());
    }

    private static void readAll(IdxFile idx) {
        float[] record = new float[idx.recordSize()];
        for (int r = 0; r < idx.count(); r++) {
            idx.copyScaled(r, 1f / 255f, record, 0);
            if (record.length > 0) {
                idx.value(r, record.length - 1);
            }
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
