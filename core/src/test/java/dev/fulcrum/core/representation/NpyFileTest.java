package dev.fulcrum.core.representation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .npy files read back by ND4J's own NumPy reader, and their headers as the format specifies. */
class NpyFileTest {

    @TempDir
    Path folder;

    @Test
    void aMatrixReadsBackValueForValueInItsShape() {
        INDArray values = Nd4j.linspace(-3.5, 7.25, 35, DataType.DOUBLE).reshape('c', 7, 5);
        Path file = folder.resolve("nested/layer.npy");
        NpyFile.writeFloats(file, values);
        INDArray read = Nd4j.createFromNpyFile(file.toFile());
        assertArrayEquals(new long[] {7, 5}, read.shape());
        assertEquals(DataType.FLOAT, read.dataType());
        assertEquals(values.castTo(DataType.FLOAT), read);
    }

    @Test
    void aFortranOrderedViewIsWrittenInCOrder() {
        INDArray values = Nd4j.linspace(1, 12, 12, DataType.FLOAT).reshape('c', 3, 4);
        Path file = folder.resolve("transposed.npy");
        NpyFile.writeFloats(file, values.transpose());
        assertEquals(values.transpose(), Nd4j.createFromNpyFile(file.toFile()));
    }

    @Test
    void integerVectorsReadBack() {
        Path longs = folder.resolve("rows.npy");
        NpyFile.writeLongs(longs, new long[] {4, 17, 3_000_000_000L});
        assertArrayEquals(new long[] {4, 17, 3_000_000_000L}, Nd4j.createFromNpyFile(longs.toFile()).toLongVector());
        Path ints = folder.resolve("labels.npy");
        NpyFile.writeInts(ints, new int[] {2, 0, 1, 1});
        INDArray labels = Nd4j.createFromNpyFile(ints.toFile());
        assertEquals(DataType.INT, labels.dataType());
        assertArrayEquals(new int[] {2, 0, 1, 1}, labels.toIntVector());
    }

    @Test
    void theHeaderIsTheVersionOneDictPaddedToSixtyFourBytes() throws IOException {
        Path file = folder.resolve("m.npy");
        NpyFile.writeFloats(file, Nd4j.zeros(DataType.FLOAT, 2, 3));
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        assertEquals(10 + headerLength + 2 * 3 * Float.BYTES, bytes.length);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(bytes, 8));
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"), header);
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "nothing left beside the file");
        }
    }
}
