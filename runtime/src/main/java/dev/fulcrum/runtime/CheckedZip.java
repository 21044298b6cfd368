package dev.fulcrum.runtime;

import dev.fulcrum.api.InvalidInputException;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip archive that may be truncated, corrupted or hostile: every entry is read to its end
 * and its CRC-32 compared with the one the archive records (a {@link ZipFile} stream does not
 * compare them), and the archive is refused, with a message naming it and the entry, where it
 * has more entries or more bytes than its {@link Limits} allow, an entry name that is absolute or
 * climbs out with {@code ..}, or two entries of the same name. The archive is read twice: through
 * its central directory, as {@link ZipFile} reads it, and through its local headers, as a
 * {@link ZipInputStream} (DL4J's {@code ModelSerializer}) reads it; the two must list the same
 * entries. Every refusal is an {@link InvalidInputException}.
 */
public final class CheckedZip {

    private static final int BUFFER = 64 * 1024;

    /**
     * @param maxEntries     the most entries the archive may have
     * @param maxEntryBytes  the most bytes one entry may have, uncompressed (at most 2 GiB less 8, to fit an array)
     * @param maxTotalBytes  the most bytes all entries together may have, uncompressed
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {

        /** For {@code model.zip}: a network of a few hundred million parameters fits, a zip bomb does not. */
        public static final Limits MODEL = new Limits(10_000, 1L << 30, 4L << 30);

        public Limits {
            if (maxEntries < 1 || maxEntryBytes < 1 || maxEntryBytes > Integer.MAX_VALUE - 8 || maxTotalBytes < maxEntryBytes) {
                throw new IllegalArgumentException("limits out of range: " + maxEntries + " entries, " + maxEntryBytes
                        + " bytes per entry, " + maxTotalBytes + " in total");
            }
        }
    }

    private CheckedZip() {
    }

    /** Every entry's bytes by name, in the archive's order (directories left out), all checked. */
    public static Map<String, byte[]> read(Path archive, Limits limits) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        scan(archive, limits, entries);
        return entries;
    }

    /** Checks every entry without keeping its bytes: what to call before handing the archive to a library that reads it. */
    public static void check(Path archive, Limits limits) {
        scan(archive, limits, null);
    }

    private static void scan(Path archive, Limits limits, Map<String, byte[]> keep) {
        try {
            List<String> names = central(archive, limits, keep);
            local(archive, limits, names);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(archive + ": no such file");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // ZipFile reports a truncated archive as "zip END header not found", a name that is not UTF-8 as IllegalArgumentException.
            throw refused(archive, "not a readable zip archive (" + e.getMessage() + ")");
        }
    }

    /** The entries as the central directory lists them, each read and checked; their names in order. */
    private static List<String> central(Path archive, Limits limits, Map<String, byte[]> keep) throws IOException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw refused(archive, "it has " + zip.size() + " entries, more than the " + limits.maxEntries() + " allowed");
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                checkName(archive, name);
                if (!seen.add(name)) {
                    throw refused(archive, "it has two entries named " + name);
                }
                names.add(name);
                if (entry.getSize() > limits.maxEntryBytes()) {
                    throw tooLarge(archive, name, entry.getSize(), limits);
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = readEntry(archive, in, entry, limits, keep != null);
                }
                total += bytes == null ? entry.getSize() : bytes.length;
                if (total > limits.maxTotalBytes()) {
                    throw refused(archive, "its entries hold more than the " + limits.maxTotalBytes() + " bytes allowed in total");
                }
                if (keep != null && !entry.isDirectory()) {
                    keep.put(name, bytes);
                }
            }
        }
        return names;
    }

    /** The entries as their local headers give them: the same names in the same order, each read to its end. */
    private static void local(Path archive, Limits limits, List<String> names) throws IOException {
        Iterator<String> expected = names.iterator();
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (!expected.hasNext() || !expected.next().equals(entry.getName())) {
                    throw refused(archive, "its local header of entry " + entry.getName() + " does not match its central directory");
                }
                // ZipInputStream compares the CRC-32 and sizes itself, throwing a ZipException.
                readEntry(archive, in, entry, limits, false);
            }
        }
        if (expected.hasNext()) {
            throw refused(archive, "entry " + expected.next() + " of its central directory has no local header");
        }
    }

    /** Reads an entry to its end, checking its size and CRC-32; its bytes where {@code keep}, else {@code null}. */
    private static byte[] readEntry(Path archive, InputStream in, ZipEntry entry, Limits limits, boolean keep) {
        String name = entry.getName();
        CRC32 crc = new CRC32();
        ByteArrayOutputStream copy = keep ? new ByteArrayOutputStream((int) Math.max(0, Math.min(entry.getSize(), BUFFER))) : null;
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > limits.maxEntryBytes()) {
                    throw tooLarge(archive, name, size, limits);
                }
                crc.update(buffer, 0, n);
                if (copy != null) {
                    copy.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw refused(archive, "entry " + name + " is damaged (" + e.getMessage() + ")");
        }
        if (entry.getSize() >= 0 && size != entry.getSize()) {
            throw refused(archive, "entry " + name + " has " + size + " bytes where the archive says " + entry.getSize());
        }
        if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
            throw refused(archive, "entry " + name + " is damaged (its CRC-32 does not match)");
        }
        return copy == null ? null : copy.toByteArray();
    }

    /** Names a program could be tricked into writing outside its folder with ("zip slip"). */
    private static void checkName(Path archive, String name) {
        String normal = name.replace('\\', '/');
        boolean climbs = ("/" + normal + "/").contains("/../");
        boolean absolute = normal.startsWith("/") || (normal.length() > 1 && normal.charAt(1) == ':');
        if (name.isEmpty() || climbs || absolute || name.indexOf('\0') >= 0) {
            throw refused(archive, "entry name \"" + name + "\" is empty, absolute or climbs out of the archive with ..");
        }
    }

    private static InvalidInputException tooLarge(Path archive, String name, long size, Limits limits) {
        return refused(archive, "entry " + name + " holds more than the " + limits.maxEntryBytes()
                + " bytes an entry may have (at least " + size + ")");
    }

    private static InvalidInputException refused(Path archive, String problem) {
        return new InvalidInputException(archive + ": " + problem);
    }
}
