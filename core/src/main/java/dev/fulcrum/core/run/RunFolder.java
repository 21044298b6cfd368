package dev.fulcrum.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

/**
 * A run's folder, {@code <runs>/<name>-<yyyyMMdd-HHmmss>}. Every file goes in atomically ({@link AtomicFile}),
 * so a reader (or a crash) never sees half a file.
 */
public final class RunFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;

    private RunFolder(Path path) {
        this.path = path;
    }

    /** Creates a new, empty run folder; a suffix keeps two runs in the same second apart. */
    public static RunFolder create(Path runsRoot, String name, LocalDateTime now) {
        try {
            Files.createDirectories(runsRoot);
            String base = name + "-" + STAMP.format(now);
            for (int attempt = 1; ; attempt++) {
                Path candidate = runsRoot.resolve(attempt == 1 ? base : base + "-" + attempt);
                try {
                    return new RunFolder(Files.createDirectory(candidate));
                } catch (FileAlreadyExistsException e) {
                    // taken by a run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + runsRoot, e);
        }
    }

    /** An existing folder, for writing into a folder made elsewhere (a temporary one, say). */
    public static RunFolder at(Path existing) {
        return new RunFolder(existing);
    }

    public Path path() {
        return path;
    }

    /** Resolves a relative name inside the folder; names that would leave it are refused. */
    public Path resolve(String relative) {
        Path target = path.resolve(relative).normalize();
        if (!target.startsWith(path) || target.equals(path)) {
            throw new IllegalArgumentException("\"" + relative + "\" is not a file name inside the run folder");
        }
        return target;
    }

    public void write(String relative, byte[] content) {
        Path target = resolve(relative);
        try {
            AtomicFile.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    public void writeText(String relative, String content) {
        write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Moves a finished file (written elsewhere in this folder) to its final name atomically. A
     * temporary file is created readable by its owner alone; the finished one gets the read and
     * write bits its folder has, as a file created there directly under the same umask would
     * (folder 755: file 644), so others who may read the folder may read the run's files.
     */
    public static void moveInto(Path finished, Path target) throws IOException {
        Path folder = finished.toAbsolutePath().getParent();
        if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission bit : Files.getPosixFilePermissions(folder)) {
                if (!bit.name().endsWith("EXECUTE")) {
                    permissions.add(bit);
                }
            }
            permissions.add(PosixFilePermission.OWNER_READ);
            permissions.add(PosixFilePermission.OWNER_WRITE);
            Files.setPosixFilePermissions(finished, permissions);
        }
        Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
