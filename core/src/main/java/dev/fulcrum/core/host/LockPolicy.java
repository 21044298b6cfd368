package dev.fulcrum.core.host;

/** Whether the host checks the plugin jars against the folder's {@code plugins.lock}. */
public enum LockPolicy {
    /** Check when the folder has a lock; a folder without one loads as before the lock existed. */
    IF_PRESENT,
    /** Check, and refuse to start without a lock ({@code --locked}). */
    REQUIRED,
    /** Do not check: {@code fulcrum plugins --lock} reads the folder as it is now to pin it afresh. */
    IGNORED
}
