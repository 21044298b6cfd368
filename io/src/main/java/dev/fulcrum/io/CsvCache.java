package dev.fulcrum.io;

import dev.fulcrum.api.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Parsed columns kept on disk, so that an unchanged file is parsed once rather than in every JVM
 * that reads it (every trial of a study, every run): in a fresh JVM the parser is still being
 * compiled and reads a fraction as fast as warm (docs/fairness.md, "A fresh JVM"). An entry is
 * keyed by the file's {@link FileStamp}, the delimiter and the format version, and holds the
 * header and the columns read so far: a read whose columns it holds is a hit, and chooses them
 * from the entry's header without opening the file; a read of other columns parses them with the
 * entry's and writes the entry again with all of them; anything else about an entry (missing,
 * corrupt, another key) is a miss, which parses and writes it again. A file is only cached from {@value #MIN_FILE_BYTES} bytes on. The folder is
 * {@code -Dfulcrum.csv.cache=DIR}, or by default {@code $XDG_CACHE_HOME/fulcrum/csv} (else
 * {@code ~/.cache/fulcrum/csv}); {@code -Dfulcrum.csv.cache=off} reads without it. After each
 * write the least recently used entries go until the folder's entries hold at most
 * {@code -Dfulcrum.csv.cache.max-bytes} (2 GiB by default). A cache that cannot be written never
 * fails a read.
 */
final class CsvCache {

    static final String FOLDER_PROPERTY = "fulcrum.csv.cache";
    static final String MAX_BYTES_PROPERTY = "fulcrum.csv.cache.max-bytes";
    static final long MIN_FILE_BYTES = 1L << 20;
    static final long DEFAULT_MAX_BYTES = 2L << 30;
    static final String SUFFIX = ".columns";
    private static final long ABANDONED_MILLIS = 3_600_000;

    private static final Logger LOG = LoggerFactory.getLogger(CsvCache.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** Null when the cache is off. */
    private final Path folder;
    private final long maxBytes;

    private CsvCache(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** The cache the system properties and environment ask for; a bad property value is an {@link InvalidInputException}. */
    static CsvCache fromSystemProperties() {
        String folder = System.getProperty(FOLDER_PROPERTY, "").strip();
        if (folder.equals("off")) {
            return new CsvCache(null, 0);
        }
        return new CsvCache(folder.isEmpty() ? defaultFolder() : path(folder), maxBytes());
    }

    private static Path defaultFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        // The XDG base directory specification says a relative path there is to be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("fulcrum").resolve("csv");
    }

    private static Path path(String folder) {
        try {
            return Path.of(folder).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new InvalidInputException("-D" + FOLDER_PROPERTY + " must be a folder or off, got \"" + folder + "\": " + e.getReason());
        }
    }

    private static long maxBytes() {
        String text = System.getProperty(MAX_BYTES_PROPERTY, "").strip();
        if (text.isEmpty()) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long bytes = Long.parseLong(text);
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number that is not positive
        }
        throw new InvalidInputException("-D" + MAX_BYTES_PROPERTY + " must be a positive whole number of bytes, got \"" + text + "\"");
    }

    /** Reads the file as {@link CsvColumns#read(Path, char, Function)} does, from the cache when it holds this state of it. */
    CsvColumns read(Path file, char delimiter, Function<CsvHeader, ? extends Collection<String>> choose) {
        FileStamp stamp = folder == null ? null : stamp(file);
        if (stamp == null || stamp.size() < MIN_FILE_BYTES) {
            return new CsvRead(file, delimiter, choose).read(0);
        }
        String key = key(stamp, delimiter);
        Path entry = folder.resolve(entryName(key));
        CsvColumns cached = lookUp(entry, file, key);
        Set<String> alsoKept = Set.of();
        if (cached != null) {
            // The entry's header is this state's header, as a parse gave it: the columns are chosen
            // from it without reading the file. A header problem is reported by the parse below.
            List<String> wanted = chosen(cached.header(), choose);
            if (wanted != null && cached.codedColumns().keySet().containsAll(wanted)) {
                markUsed(entry);
                return cached.only(wanted);
            }
            alsoKept = cached.codedColumns().keySet();
        }
        // The columns another reader of this state keeps stay in the entry, so that readers of
        // different columns (fulcrum audit, a data source) do not replace each other's entry.
        Set<String> kept = alsoKept;
        CsvColumns columns = new CsvRead(file, delimiter, header -> union(choose.apply(header), kept, header)).read(0);
        if (stamp.equals(stamp(file))) {
            store(entry, key, columns);
        }
        return columns.only(chosen(columns.header(), choose));
    }

    /** The columns {@code choose} picks from the header, in the file's order; null if it rejects the header. */
    private static List<String> chosen(CsvHeader header, Function<CsvHeader, ? extends Collection<String>> choose) {
        try {
            ColumnChoice choice = ColumnChoice.of(header, choose);
            List<String> names = new ArrayList<>();
            for (int column : choice.kept()) {
                names.add(choice.name(column));
            }
            return names;
        } catch (RuntimeException rejected) {
            return null;
        }
    }

    private static Set<String> union(Collection<String> chosen, Set<String> kept, CsvHeader header) {
        Set<String> union = new LinkedHashSet<>(chosen);
        for (String name : kept) {
            if (header.index(name) >= 0) {
                union.add(name);
            }
        }
        return union;
    }

    private static FileStamp stamp(Path file) {
        try {
            return FileStamp.of(file);
        } catch (IOException e) {
            return null; // the read says what is wrong with the file
        }
    }

    /** Every part with its length, so that no two keys read the same. */
    private static String key(FileStamp stamp, char delimiter) {
        List<String> parts = List.of("fulcrum csv columns " + ColumnsFile.VERSION, stamp.realPath().toString(),
                Long.toString(stamp.size()), stamp.modified(), stamp.fileKey(), String.valueOf(delimiter));
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            key.append(part.length()).append(':').append(part).append('\n');
        }
        return key.toString();
    }

    private static String entryName(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The entry's columns, or null where there is no usable entry. */
    private static CsvColumns lookUp(Path entry, Path file, String key) {
        try {
            CsvColumns columns = ColumnsFile.read(entry, file, key);
            LOG.debug("read {} from the CSV cache {}", file, entry);
            return columns;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.debug("parsing {}: its CSV cache entry {} is not usable: {}", file, entry, e.toString());
            return null;
        }
    }

    /** For the eviction's order; an entry that cannot be touched (a read-only cache) is still a hit. */
    private static void markUsed(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("cannot mark {} as used: {}", entry, e.toString());
        }
    }

    /** Writes the entry whole or not at all: a temporary file in the same folder, then moved into place. */
    private void store(Path entry, String key, CsvColumns columns) {
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, entry.getFileName().toString(), ".tmp");
            ColumnsFile.write(temporary, key, columns);
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            evict();
        } catch (IOException | RuntimeException e) {
            String message = "cannot write the CSV cache in {}: {}; files are parsed on every read (-D" + FOLDER_PROPERTY + "=off reads without it)";
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn(message, folder, e.toString());
            } else {
                LOG.debug(message, folder, e.toString());
            }
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", temporary, e.toString());
                }
            }
        }
    }

    /**
     * Deletes the least recently used entries until the rest fit in {@link #maxBytes}, and the
     * temporary files a killed process left behind (an hour old: no write takes that long).
     */
    private void evict() throws IOException {
        FileTime abandoned = FileTime.fromMillis(System.currentTimeMillis() - ABANDONED_MILLIS);
        try (DirectoryStream<Path> paths = Files.newDirectoryStream(folder, "*" + SUFFIX + "*.tmp")) {
            for (Path path : paths) {
                try {
                    if (Files.getLastModifiedTime(path).compareTo(abandoned) < 0) {
                        Files.deleteIfExists(path);
                    }
                } catch (NoSuchFileException e) {
                    // finished or deleted by another process meanwhile
                }
            }
        }
        record Entry(Path path, long bytes, FileTime used) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> paths = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path path : paths) {
                try {
                    Entry entry = new Entry(path, Files.size(path), Files.getLastModifiedTime(path));
                    entries.add(entry);
                    total += entry.bytes();
                } catch (NoSuchFileException e) {
                    // deleted by another process meanwhile
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::used));
        for (int oldest = 0; total > maxBytes && oldest < entries.size(); oldest++) {
            Files.deleteIfExists(entries.get(oldest).path());
            total -= entries.get(oldest).bytes();
            LOG.debug("deleted {} from the CSV cache: its entries are over {} bytes", entries.get(oldest).path(), maxBytes);
        }
    }
}
