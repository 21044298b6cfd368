package dev.fulcrum.core.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a file so that, whatever happens to the process or the machine, its name holds either the old
 * content or the whole new one: the bytes go to a temporary file beside it ({@code .<name>*.partial}), are
 * forced to the disk, renamed over the name, and the rename is forced by syncing the folder. A crash leaves at
 * most a temporary file, which {@link #removeTemporaries} deletes at the next start. DL4J's
 * {@code ModelSerializer} and Lightning's checkpoints write in place (Lightning #19970), which a crash tears.
 */
public final class AtomicFile {

    static final String TEMPORARY_SUFFIX = ".partial";

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                CrashHook.writing(target.getFileName().toString(), channel, bytes);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            moveAndSync(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Puts a finished temporary file (written in the target's folder) in place: forced, renamed, the rename forced. */
    public static void commit(Path temporary, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        moveAndSync(temporary, target);
    }

    private static void moveAndSync(Path temporary, Path target) throws IOException {
        RunFolder.moveInto(temporary, target);
        syncFolder(target.toAbsolutePath().getParent());
    }

    /** Forces a folder's entries (a rename into it) to the disk, where the file system lets a folder be opened. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (and Windows) refuse to open a folder; the rename itself is still atomic there.
        }
    }

    /** Deletes the temporary files an interrupted write left anywhere under {@code folder}; returns them. */
    public static List<Path> removeTemporaries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> left;
        try (Stream<Path> files = Files.walk(folder)) {
            left = files.filter(Files::isRegularFile).filter(AtomicFile::isTemporary).toList();
        }
        for (Path file : left) {
            Files.deleteIfExists(file);
        }
        return left;
    }

    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
    }
}
