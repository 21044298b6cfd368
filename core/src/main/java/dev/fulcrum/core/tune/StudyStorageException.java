package dev.fulcrum.core.tune;

import java.nio.file.Path;

/**
 * The study database failed under a call (disk full, I/O error, a lock held past the busy
 * timeout): {@code file: what was being done: what the database said}.
 */
public final class StudyStorageException extends RuntimeException {

    public StudyStorageException(Path file, String doing, Throwable cause) {
        this(file.toString(), doing, cause);
    }

    /** @param database the database's file, or the URL of a server's (never with credentials) */
    public StudyStorageException(String database, String doing, Throwable cause) {
        super(database + ": " + doing + ": " + cause.getMessage(), cause);
    }
}
