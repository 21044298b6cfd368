package dev.fulcrum.core.tune;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A trial's run folder carried as zip bytes from the machine that ran it to the study's folder. */
final class FolderZip {

    private FolderZip() {
    }

    static byte[] zip(Path folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the run folder " + folder, e);
        }
        return bytes.toByteArray();
    }

    /** Unpacks into {@code target}, which must not exist; an entry that would land outside it is refused. */
    static void unzip(byte[] zipped, Path target) {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            Files.createDirectory(root);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root) || file.equals(root)) {
                    throw new IOException("entry " + entry.getName() + " lies outside the run folder");
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack a trial's run folder into " + target, e);
        }
    }
}
