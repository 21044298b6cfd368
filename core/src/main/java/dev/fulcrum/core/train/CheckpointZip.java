package dev.fulcrum.core.train;

import dev.fulcrum.api.InvalidInputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** Reads a checkpoint's zip entries, each checked against its CRC, with caps on their count and size. */
final class CheckpointZip {

    private static final int MAX_ENTRIES = 100_000;

    private CheckpointZip() {
    }

    /** @throws InvalidInputException naming {@code source} where the archive is truncated, corrupt or over a cap */
    static Map<String, byte[]> entries(byte[] archive, String source) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entries.size() == MAX_ENTRIES) {
                    throw new InvalidInputException(source + ": more than " + MAX_ENTRIES + " entries");
                }
                // ZipInputStream checks each entry's CRC and size as it reaches the entry's end.
                byte[] content = zip.readAllBytes();
                total += content.length;
                if (total > 64L * archive.length + (1L << 20)) {
                    throw new InvalidInputException(source + ": entries inflate to more than 64 times the archive's size");
                }
                if (entries.put(entry.getName(), content) != null) {
                    throw new InvalidInputException(source + ": entry " + entry.getName() + " appears twice");
                }
            }
        } catch (ZipException e) {
            throw new InvalidInputException(source + ": a damaged checkpoint (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": a damaged checkpoint (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(source + ": a damaged checkpoint (no zip entries)");
        }
        return entries;
    }
}
