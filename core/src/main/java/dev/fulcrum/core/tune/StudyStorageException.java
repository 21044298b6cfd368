package dev.fulcrum.core.tune;

import java.nio.file.Path;

/**
 * The study database failed under a call (disk full, I/O error, a lock held past the busy
 * timeout): {@code file: what was being done: what the database said}.
 */
public final class StudyStorageException extends RuntimeException {

    public StudyStorageException(Path file, String doing, Throwable cause) {
        super(file + ": " + doing + ": " + cause.getMessage(), cause);
    }
}
