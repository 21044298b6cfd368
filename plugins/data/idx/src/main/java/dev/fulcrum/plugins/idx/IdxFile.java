package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.DataFileException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One IDX file (LeCun et al., the MNIST distribution format), gzip-compressed or plain: a header of
 * two zero bytes, a type byte, a dimension count and big-endian 32-bit dimensions, then the records.
 * Only unsigned bytes (type 0x08) are read, as MNIST-format images and labels are. Every problem names
 * the file and, where there is one, the record and its byte offset (in the uncompressed content).
 */
final class IdxFile {

    private static final int UNSIGNED_BYTE = 0x08;

    private final Path file;
    private final byte[] content;
    private final int[] dimensions;
    private final int headerSize;

    private IdxFile(Path file, byte[] content, int[] dimensions, int headerSize) {
        this.file = file;
        this.content = content;
        this.dimensions = dimensions;
        this.headerSize = headerSize;
    }

    /** Reads a file with the given number of dimensions (3 for images, 1 for labels). */
    static IdxFile read(Path file, int expectedDimensions, String what) {
        byte[] content = bytes(file);
        if (content.length < 4 || content[0] != 0 || content[1] != 0) {
            throw new DataFileException(file, 0, null, "not an IDX file: it must start with two zero bytes (byte offset 0)");
        }
        if ((content[2] & 0xFF) != UNSIGNED_BYTE) {
            throw new DataFileException(file, 0, null, String.format("byte offset 2: data type 0x%02X is not supported; "
                    + "MNIST-format files hold unsigned bytes (0x08)", content[2] & 0xFF));
        }
        int count = content[3] & 0xFF;
        if (count != expectedDimensions) {
            throw new DataFileException(file, 0, null, "byte offset 3: " + what + " have " + expectedDimensions
                    + " dimension(s), this file has " + count);
        }
        int headerSize = 4 + 4 * count;
        if (content.length < headerSize) {
            throw new DataFileException(file, 0, null, "truncated header: " + content.length + " bytes, the header needs " + headerSize);
        }
        int[] dimensions = new int[count];
        for (int d = 0; d < count; d++) {
            int offset = 4 + 4 * d;
            dimensions[d] = ((content[offset] & 0xFF) << 24) | ((content[offset + 1] & 0xFF) << 16)
                    | ((content[offset + 2] & 0xFF) << 8) | (content[offset + 3] & 0xFF);
            if (dimensions[d] < 1) {
                throw new DataFileException(file, 0, null, "byte offset " + offset + ": dimension " + (d + 1)
                        + " is " + Integer.toUnsignedString(dimensions[d]) + "; it must be positive");
            }
        }
        long recordSize = 1;
        for (int d = 1; d < count; d++) {
            recordSize *= dimensions[d];
            // Checked as it grows: two dimensions of 65,536 would otherwise wrap an int to 0.
            if (recordSize > Integer.MAX_VALUE) {
                throw new DataFileException(file, 0, null, "byte offset 8: a record of " + Arrays.toString(Arrays.copyOfRange(dimensions, 1, count))
                        + " values is larger than the " + Integer.MAX_VALUE + " bytes a record may have");
            }
        }
        IdxFile idx = new IdxFile(file, content, dimensions, headerSize);
        idx.checkLength();
        return idx;
    }

    private static byte[] bytes(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                return in.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private void checkLength() {
        long expected = headerSize + (long) count() * recordSize();
        if (content.length < expected) {
            long complete = (content.length - headerSize) / recordSize();
            throw new DataFileException(file, complete + 1, null, "truncated: the header announces " + count()
                    + " records of " + recordSize() + " bytes, the data ends at byte offset " + content.length
                    + ", inside record " + (complete + 1) + " (which starts at byte offset " + offset(complete) + ")");
        }
        if (content.length > expected) {
            throw new DataFileException(file, 0, null, (content.length - expected) + " bytes after the last of the "
                    + count() + " records the header announces (from byte offset " + expected + ")");
        }
    }

    Path file() {
        return file;
    }

    /** The number of records. */
    int count() {
        return dimensions[0];
    }

    /** The shape of one record (e.g. height and width of an image), empty for labels. */
    int[] recordShape() {
        return Arrays.copyOfRange(dimensions, 1, dimensions.length);
    }

    int recordSize() {
        int size = 1;
        for (int d = 1; d < dimensions.length; d++) {
            size *= dimensions[d];
        }
        return size;
    }

    /** The byte offset of a record, from 0. */
    long offset(long record) {
        return headerSize + record * recordSize();
    }

    /** The value at a position of a record, 0 to 255. */
    int value(int record, int position) {
        return content[(int) offset(record) + position] & 0xFF;
    }

    /** Writes a record's values, scaled by {@code scale}, into {@code target} from {@code at}. */
    void copyScaled(int record, float scale, float[] target, int at) {
        int from = (int) offset(record);
        for (int i = 0, n = recordSize(); i < n; i++) {
            target[at + i] = (content[from + i] & 0xFF) * scale;
        }
    }
}
