package dev.fulcrum.core.host;

import dev.fulcrum.core.run.AtomicFile;
import dev.fulcrum.core.run.Digests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code plugins.lock}: the jars a plugins folder may hold, each pinned by its SHA-256. The host checks
 * every jar against it before PF4J opens a class loader on the jar, so no class of a refused jar loads.
 */
public final class PluginLock {

    public static final String FILE_NAME = "plugins.lock";

    /** One pinned plugin jar. */
    public record Entry(String id, String version, String file, String sha256) {
    }

    private final Path file;
    private final String sha256;
    private final Map<String, Entry> byFile = new TreeMap<>();

    private PluginLock(Path file, String sha256, List<Entry> entries) {
        this.file = file;
        this.sha256 = sha256;
        entries.forEach(entry -> byFile.put(entry.file(), entry));
    }

    /** Where the lock of a plugins folder lives. */
    public static Path fileIn(Path pluginsFolder) {
        return pluginsFolder.resolve(FILE_NAME);
    }

    /** The lock file's text, hashed as read: the hash provenance records is that of the bytes checked against. */
    static PluginLock read(Path lockFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plugin lock " + lockFile, e);
        }
        return new PluginLock(lockFile, Digests.sha256(bytes),
                PluginLockFormat.parse(lockFile, new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * Pins the given plugins in the lock of {@code pluginsFolder}, replacing any earlier lock in one
     * move: a reader sees the old lock or the new, never part of one.
     */
    public static PluginLock write(Path pluginsFolder, Collection<PluginInfo> plugins) {
        List<Entry> entries = plugins.stream()
                .map(p -> new Entry(p.id(), p.version(), p.jar().getFileName().toString(), p.sha256())).toList();
        Path target = fileIn(pluginsFolder);
        try {
            AtomicFile.write(target, PluginLockFormat.format(entries).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plugin lock " + target, e);
        }
        return read(target);
    }

    public Path file() {
        return file;
    }

    /** The SHA-256 of the lock file itself. */
    public String sha256() {
        return sha256;
    }

    /** The pinned jars, sorted by plugin id. */
    public List<Entry> entries() {
        return byFile.values().stream().sorted(java.util.Comparator.comparing(Entry::id)).toList();
    }

    /** Why the lock refuses a jar of the folder with this content hash, or empty if it is pinned with that hash. */
    Optional<String> refusal(String jarFile, String actualSha256) {
        Entry pinned = byFile.get(jarFile);
        if (pinned == null) {
            return Optional.of("not in the plugin lock " + file + "; if this jar is meant to be here, pin the folder again with"
                    + " \"fulcrum plugins --lock\"");
        }
        if (!pinned.sha256().equals(actualSha256)) {
            return Optional.of("SHA-256 differs from the plugin lock " + file + " (pinned as " + pinned.id() + " " + pinned.version()
                    + "): expected " + pinned.sha256() + ", actual " + actualSha256);
        }
        return Optional.empty();
    }

    /** Pinned jars that the folder lacks. */
    List<Entry> missingFrom(Collection<String> jarFiles) {
        return byFile.values().stream().filter(entry -> !jarFiles.contains(entry.file())).toList();
    }
}
