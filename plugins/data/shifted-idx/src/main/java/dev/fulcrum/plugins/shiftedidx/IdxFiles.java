package dev.fulcrum.plugins.shiftedidx;

import dev.fulcrum.api.DataFileException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (LeCun's MNIST format, also used by Fashion-MNIST), gzipped or not: unsigned-byte
 * images (magic 2051) and labels (magic 2049). All of this plugin's IDX reading is here, so that it
 * can move as one piece into a shared IDX plugin.
 */
final class IdxFiles {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    /** Images as rows of pixels scaled to [0, 1]. */
    record Images(INDArray pixels, int height, int width) {
    }

    private IdxFiles() {
    }

    /** The first {@code limit} images of a file (all of them if it has fewer). */
    static Images images(Path file, int limit) {
        try (DataInputStream in = open(file)) {
            requireMagic(file, in.readInt(), IMAGES_MAGIC, "images");
            int count = in.readInt();
            int height = in.readInt();
            int width = in.readInt();
            if (count < 0 || height < 1 || width < 1) {
                throw new DataFileException(file, 0, null, "bad image header: " + count + " images of " + height + "x" + width);
            }
            int rows = Math.min(count, limit);
            byte[] bytes = new byte[rows * height * width];
            in.readFully(bytes);
            INDArray pixels = Nd4j.createFromArray(bytes).castTo(DataType.INT32).castTo(DataType.FLOAT);
            // Java bytes are signed: pixel values 128..255 arrive as -128..-1.
            pixels.addi(pixels.lt(0).castTo(DataType.FLOAT).muli(256)).divi(255);
            return new Images(pixels.reshape(rows, (long) height * width), height, width);
        } catch (EOFException e) {
            throw new DataFileException(file, "the file ends before its header says it should", e);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The first {@code limit} labels of a file. */
    static int[] labels(Path file, int limit) {
        try (DataInputStream in = open(file)) {
            requireMagic(file, in.readInt(), LABELS_MAGIC, "labels");
            int count = in.readInt();
            int rows = Math.min(count, limit);
            byte[] bytes = new byte[rows];
            in.readFully(bytes);
            int[] labels = new int[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = Byte.toUnsignedInt(bytes[i]);
            }
            return labels;
        } catch (EOFException e) {
            throw new DataFileException(file, "the file ends before its header says it should", e);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return new DataInputStream(new BufferedInputStream(gzip ? new GZIPInputStream(raw) : raw));
    }

    private static void requireMagic(Path file, int magic, int expected, String what) {
        if (magic != expected) {
            throw new DataFileException(file, 0, null, String.format("not an IDX %s file: magic number 0x%08x, expected 0x%08x",
                    what, magic, expected));
        }
    }
}
