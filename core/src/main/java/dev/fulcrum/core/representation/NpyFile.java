package dev.fulcrum.core.representation;

import dev.fulcrum.core.run.AtomicFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes NumPy's {@code .npy} format, version 1.0 (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html):
 * the magic {@code \x93NUMPY}, the version, a little-endian 2-byte header length, a Python dict literal
 * ({@code descr}, {@code fortran_order}, {@code shape}) padded with spaces and a newline to a multiple of 64 bytes,
 * then the values in C order, little-endian. {@code numpy.load} reads it. Each file is written beside its name and
 * moved into place.
 */
final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGNMENT = 64;

    private NpyFile() {
    }

    /** A matrix (or vector) as 32-bit floats, {@code <f4}. */
    static void writeFloats(Path file, INDArray values) {
        INDArray floats = values.castTo(DataType.FLOAT).dup('c');
        float[] data = floats.data().asFloat();
        write(file, "<f4", floats.shape(), data.length * Float.BYTES, buffer -> buffer.asFloatBuffer().put(data));
    }

    /** A vector of 64-bit integers, {@code <i8}. */
    static void writeLongs(Path file, long[] values) {
        write(file, "<i8", new long[] {values.length}, values.length * Long.BYTES, buffer -> buffer.asLongBuffer().put(values));
    }

    /** A vector of 32-bit integers, {@code <i4}. */
    static void writeInts(Path file, int[] values) {
        write(file, "<i4", new long[] {values.length}, values.length * Integer.BYTES, buffer -> buffer.asIntBuffer().put(values));
    }

    private interface Filler {
        void fill(ByteBuffer littleEndian);
    }

    private static void write(Path file, String descr, long[] shape, int bytes, Filler values) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        values.fill(buffer);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".partial");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                    out.write(MAGIC);
                    byte[] header = header(descr, shape);
                    out.write(header.length & 0xff);
                    out.write(header.length >>> 8);
                    out.write(header);
                    out.write(buffer.array());
                }
                AtomicFile.commit(partial, file);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The dict literal, padded so that magic, version, length and header end on a multiple of 64 bytes. */
    private static byte[] header(String descr, long[] shape) {
        String dimensions = shape.length == 1 ? shape[0] + ","
                : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dimensions + "), }");
        int unpadded = MAGIC.length + 2 + header.length() + 1;
        header.append(" ".repeat((ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT)).append('\n');
        return header.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
