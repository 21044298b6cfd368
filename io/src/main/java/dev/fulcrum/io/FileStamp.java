package dev.fulcrum.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * What tells one state of a file from another without reading it: its real path, size, last
 * modification (to the nanosecond where the file system keeps it) and file key (the inode, where
 * there is one). A rewrite that keeps all four is not told apart.
 */
record FileStamp(Path realPath, long size, String modified, String fileKey) {

    static FileStamp of(Path file) throws IOException {
        Path real = file.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        Object key = attributes.fileKey();
        // Seconds and nanoseconds as digits: Instant.toString() would load java.time's formatting, a
        // few milliseconds of a fresh JVM's cache hit.
        Instant modified = attributes.lastModifiedTime().toInstant();
        return new FileStamp(real, attributes.size(), modified.getEpochSecond() + "." + modified.getNano(),
                key == null ? "none" : key.toString());
    }
}
