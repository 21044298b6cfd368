package dev.fulcrum.plugins.shiftedidx;

import dev.fulcrum.api.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxFilesTest {

    @TempDir
    Path folder;

    @Test
    void readsGzippedAndPlainFilesWithPixelsScaledToOne() throws IOException {
        byte[] pixels = new byte[2 * 16];
        pixels[0] = (byte) 255;
        pixels[1] = (byte) 128;
        pixels[17] = 51;
        for (boolean gzip : new boolean[] {true, false}) {
            Path file = IdxFixtures.writeImages(folder.resolve("images-" + gzip), pixels, gzip);
            IdxFiles.Images images = IdxFiles.images(file, 10);
            assertEquals(4, images.height());
            assertEquals(4, images.width());
            assertArrayEquals(new long[] {2, 16}, images.pixels().shape());
            assertEquals(1.0f, images.pixels().getFloat(0, 0), 1e-6);
            assertEquals(128 / 255f, images.pixels().getFloat(0, 1), 1e-6);
            assertEquals(0.2f, images.pixels().getFloat(1, 1), 1e-6);
        }
        Path labels = IdxFixtures.writeLabels(folder.resolve("labels"), new byte[] {3, 0, 9, (byte) 200}, true);
        assertArrayEquals(new int[] {3, 0, 9}, IdxFiles.labels(labels, 3));
        assertEquals(200, IdxFiles.labels(labels, 10)[3]);
    }

    @Test
    void readsOnlyAsManyImagesAsAsked() throws IOException {
        Path file = IdxFixtures.writeImages(folder.resolve("many.gz"), IdxFixtures.images(50, 3), true);
        assertEquals(7, IdxFiles.images(file, 7).pixels().rows());
    }

    @Test
    void malformedFilesNameTheFileAndTheProblem() throws IOException {
        Path labelsAsImages = IdxFixtures.writeLabels(folder.resolve("labels.gz"), new byte[] {1, 2}, true);
        DataFileException wrongKind = assertThrows(DataFileException.class, () -> IdxFiles.images(labelsAsImages, 10));
        assertTrue(wrongKind.getMessage().startsWith(labelsAsImages + ": not an IDX images file"), wrongKind.getMessage());
        byte[] whole = java.nio.file.Files.readAllBytes(IdxFixtures.writeImages(folder.resolve("whole"), IdxFixtures.images(5, 1), false));
        Path truncated = IdxFixtures.write(folder.resolve("truncated"), Arrays.copyOf(whole, whole.length - 10), false);
        DataFileException shortFile = assertThrows(DataFileException.class, () -> IdxFiles.images(truncated, 10));
        assertTrue(shortFile.getMessage().contains("ends before its header says it should"), shortFile.getMessage());
        DataFileException missing = assertThrows(DataFileException.class, () -> IdxFiles.labels(folder.resolve("none"), 1));
        assertTrue(missing.getMessage().endsWith("no such file"), missing.getMessage());
    }
}
