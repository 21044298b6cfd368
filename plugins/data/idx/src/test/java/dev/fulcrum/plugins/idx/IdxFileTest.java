package dev.fulcrum.plugins.idx;

import dev.fulcrum.testkit.IdxImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading itself; the header and length checks are {@link IdxDataSourceTest}'s, through the idx source. */
class IdxFileTest {

    @TempDir
    Path folder;

    @Test
    void readsGzippedAndPlainFilesAlikeWithBytesUnsigned() {
        byte[] pixels = new byte[2 * 16];
        pixels[0] = (byte) 255;
        pixels[1] = (byte) 128;
        pixels[17] = 51;
        for (boolean gzip : new boolean[] {true, false}) {
            Path file = IdxImages.write(folder.resolve("images-" + gzip), IdxImages.bytes(pixels, 2, 4, 4), gzip);
            IdxFile images = IdxFile.read(file, 3, "image files");
            assertEquals(2, images.count());
            assertArrayEquals(new int[] {4, 4}, images.recordShape());
            assertEquals(128, images.value(0, 1));
            float[] scaled = new float[2 * 16];
            images.copyScaled(0, 1f / 255f, scaled, 0);
            images.copyScaled(1, 1f / 255f, scaled, 16);
            assertEquals(1.0f, scaled[0], 1e-6);
            assertEquals(128 / 255f, scaled[1], 1e-6);
            assertEquals(0.2f, scaled[17], 1e-6);
            assertEquals(0f, scaled[2]);
        }
        Path labels = IdxImages.write(folder.resolve("labels.gz"), IdxImages.bytes(new byte[] {3, 0, 9, (byte) 200}, 4), true);
        IdxFile read = IdxFile.read(labels, 1, "label files");
        assertEquals(4, read.count());
        assertArrayEquals(new int[0], read.recordShape());
        assertEquals(9, read.value(2, 0));
        assertEquals(200, read.value(3, 0));
    }
}
