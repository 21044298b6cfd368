package dev.fulcrum.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for components made outside a run (to validate a config, read a data source,
 * prepare rows), whose run context needs a folder; closing removes it with whatever they wrote.
 */
public final class ScratchFolder implements AutoCloseable {

    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    /** @param purpose a word for the folder's name, e.g. {@code validate} */
    public static ScratchFolder create(String purpose) {
        try {
            return new ScratchFolder(Files.createTempDirectory("fulcrum-" + purpose + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    /** An existing folder made elsewhere (under an engine's own files, say), removed as a scratch folder is. */
    public static ScratchFolder at(Path existing) {
        return new ScratchFolder(existing);
    }

    public RunFolder runFolder() {
        return RunFolder.at(path);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }
}
