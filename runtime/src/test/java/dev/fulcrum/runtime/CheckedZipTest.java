package dev.fulcrum.runtime;

import dev.fulcrum.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckedZipTest {

    private static final CheckedZip.Limits SMALL = new CheckedZip.Limits(3, 1024, 2048);

    @TempDir
    Path folder;

    @Test
    void readsEveryEntryInTheArchivesOrder() throws IOException {
        Path zip = zip("ok.zip", Map.entry("b.txt", "bee"), Map.entry("dir/a.bin", "a"));
        Map<String, byte[]> entries = CheckedZip.read(zip, SMALL);
        assertEquals(List.of("b.txt", "dir/a.bin"), List.copyOf(entries.keySet()));
        assertArrayEquals("bee".getBytes(StandardCharsets.UTF_8), entries.get("b.txt"));
        CheckedZip.check(zip, SMALL);
    }

    @Test
    void anEntryLargerThanTheCapIsRefusedWhileItIsRead() throws IOException {
        Path zip = zip("big.zip", Map.entry("zeros.bin", "0".repeat(1025)));
        assertRefused(zip, SMALL, zip + ": entry zeros.bin holds more than the 1024 bytes an entry may have");
    }

    @Test
    void anEntryDeclaringMoreThanTheModelCapIsRefusedBeforeItIsRead() throws IOException {
        Path zip = zip("declared.zip", Map.entry("coefficients.bin", "x"));
        byte[] bytes = Files.readAllBytes(zip);
        // The central directory's uncompressed size (offset 24 of its header) now claims 2 GiB less one byte.
        int central = lastIndexOf(bytes, new byte[] {'P', 'K', 1, 2});
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(central + 24, Integer.MAX_VALUE);
        Files.write(zip, bytes);
        assertRefused(zip, CheckedZip.Limits.MODEL, zip + ": entry coefficients.bin holds more than the 1073741824 bytes");
    }

    @Test
    void tooManyEntriesOrTooManyBytesInTotalAreRefused() throws IOException {
        Path many = zip("many.zip", Map.entry("1", ""), Map.entry("2", ""), Map.entry("3", ""), Map.entry("4", ""));
        assertRefused(many, SMALL, many + ": it has 4 entries, more than the 3 allowed");
        Path total = zip("total.zip", Map.entry("1", "x".repeat(1000)), Map.entry("2", "x".repeat(1000)), Map.entry("3", "x".repeat(100)));
        assertRefused(total, SMALL, total + ": its entries hold more than the 2048 bytes allowed in total");
    }

    @Test
    void namesThatClimbOutOrAreAbsoluteAreRefused() throws IOException {
        for (String name : List.of("../evil.sh", "fulcrum/../../evil", "/etc/passwd", "C:/windows/evil.dll", "a\\..\\..\\b")) {
            Path zip = zip("slip.zip", Map.entry(name, "x"));
            assertRefused(zip, SMALL, zip + ": entry name \"" + name + "\" is empty, absolute or climbs out");
        }
    }

    @Test
    void twoEntriesOfTheSameNameAreRefused() throws IOException {
        Path zip = zip("twice.zip", Map.entry("a.txt", "one"), Map.entry("b.txt", "two"));
        byte[] bytes = Files.readAllBytes(zip);
        // Renames b.txt to a.txt in both its local and its central header; the CRC-32s stay right.
        for (int at = 0; (at = indexOf(bytes, "b.txt".getBytes(StandardCharsets.UTF_8), at)) >= 0; at++) {
            bytes[at] = 'a';
        }
        Files.write(zip, bytes);
        assertRefused(zip, SMALL, zip + ": it has two entries named a.txt");
    }

    @Test
    void aFlippedBitInAnEntryIsACrcMismatchAndATruncatedArchiveIsNotAZip() throws IOException {
        Path zip = zip("flip.zip", Map.entry("data.bin", "0123456789".repeat(50)));
        byte[] bytes = Files.readAllBytes(zip);
        byte[] flipped = bytes.clone();
        flipped[30 + "data.bin".length() + 1] ^= 0x10;
        Path damaged = Files.write(folder.resolve("flipped.zip"), flipped);
        assertRefused(damaged, SMALL, damaged + ": entry data.bin is damaged");
        for (int length : new int[] {0, 10, bytes.length / 2, bytes.length - 1}) {
            Path truncated = Files.write(folder.resolve("truncated-" + length + ".zip"), Arrays.copyOf(bytes, length));
            assertRefused(truncated, SMALL, truncated + ": not a readable zip archive");
        }
        assertRefused(folder.resolve("missing.zip"), SMALL, folder.resolve("missing.zip") + ": no such file");
    }

    private static void assertRefused(Path zip, CheckedZip.Limits limits, String start) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> CheckedZip.check(zip, limits));
        assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count(), refused.getMessage());
    }

    @SafeVarargs
    private Path zip(String name, Map.Entry<String, String>... entries) throws IOException {
        Path zip = folder.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> entry : entries) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                // Stored, so the sizes and CRC sit in the local header and a flipped byte is a flipped data byte.
                zipEntry.setMethod(ZipEntry.STORED);
                zipEntry.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                zipEntry.setCrc(crc.getValue());
                out.putNextEntry(zipEntry);
                out.write(content);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        int last = -1;
        for (int at = 0; (at = indexOf(bytes, part, at)) >= 0; at++) {
            last = at;
        }
        return last;
    }
}
