package dev.fulcrum.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the parts of a jar lie, read from its bytes as the ZIP format lays them out (PKWARE APPNOTE.TXT,
 * sections 4.3.7 local file header, 4.3.12 central directory header, 4.3.16 end of central directory):
 * for tests that damage one part.
 *
 * @param size the jar's length in bytes
 */
record JarRegions(int size, int centralDirectoryStart, int centralDirectoryEnd, int entryDataStart, int entryDataEnd) {

    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int CENTRAL_HEADER = 0x02014b50;

    /** The regions of {@code jar}, with the stored (compressed) bytes of the entry {@code entryName}. */
    static JarRegions of(Path jar, String entryName) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(jar)).order(ByteOrder.LITTLE_ENDIAN);
            int end = bytes.limit() - 22;
            while (end >= 0 && bytes.getInt(end) != END_OF_CENTRAL_DIRECTORY) {
                end--;
            }
            if (end < 0) {
                throw new IllegalArgumentException(jar + " has no end of central directory record");
            }
            int directorySize = bytes.getInt(end + 12);
            int directoryStart = bytes.getInt(end + 16);
            for (int at = directoryStart; at < directoryStart + directorySize; ) {
                if (bytes.getInt(at) != CENTRAL_HEADER) {
                    throw new IllegalArgumentException(jar + ": no central directory header at " + at);
                }
                int compressedSize = bytes.getInt(at + 20);
                int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
                int extraLength = Short.toUnsignedInt(bytes.getShort(at + 30));
                int commentLength = Short.toUnsignedInt(bytes.getShort(at + 32));
                int localHeader = bytes.getInt(at + 42);
                String name = new String(bytes.array(), at + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
                if (name.equals(entryName)) {
                    int dataStart = localHeader + 30 + Short.toUnsignedInt(bytes.getShort(localHeader + 26))
                            + Short.toUnsignedInt(bytes.getShort(localHeader + 28));
                    return new JarRegions(bytes.limit(), directoryStart, directoryStart + directorySize, dataStart, dataStart + compressedSize);
                }
                at += 46 + nameLength + extraLength + commentLength;
            }
            throw new IllegalArgumentException(jar + " has no entry " + entryName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
