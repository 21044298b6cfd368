package dev.fulcrum.core.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Lets the reliability tests kill the process at a chosen point, as {@code kill -9} or a power cut would:
 * {@code -Dfulcrum.crash.at-batch=N} after the N-th training batch of the process (counting from 1), and
 * {@code -Dfulcrum.crash.after-bytes=NAME:N} after the first N bytes of the next atomic write of a file
 * named NAME reached the disk. Unset (always, outside tests), both cost one comparison.
 */
public final class CrashHook {

    public static final String AT_BATCH = "fulcrum.crash.at-batch";
    public static final String AFTER_BYTES = "fulcrum.crash.after-bytes";

    private static final long CRASH_BATCH = Long.getLong(AT_BATCH, -1);
    private static final String CRASH_FILE;
    private static final int CRASH_BYTES;
    private static long batches;

    static {
        String spec = System.getProperty(AFTER_BYTES, "");
        int colon = spec.lastIndexOf(':');
        CRASH_FILE = colon > 0 ? spec.substring(0, colon) : null;
        CRASH_BYTES = colon > 0 ? Integer.parseInt(spec.substring(colon + 1)) : -1;
    }

    private CrashHook() {
    }

    /** Counts one training batch. */
    public static void batchDone() {
        if (CRASH_BATCH > 0 && ++batches == CRASH_BATCH) {
            die();
        }
    }

    /** Called before an atomic write of {@code name} puts {@code bytes} into {@code channel}. */
    static void writing(String name, FileChannel channel, ByteBuffer bytes) throws IOException {
        if (CRASH_FILE == null || !CRASH_FILE.equals(name)) {
            return;
        }
        ByteBuffer head = bytes.duplicate();
        head.limit(Math.min(bytes.limit(), CRASH_BYTES));
        while (head.hasRemaining()) {
            channel.write(head);
        }
        channel.force(true);
        die();
    }

    /** SIGKILL to this process, so that no shutdown hook or finally block runs; halt where kill is missing. */
    private static void die() {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            Thread.sleep(10_000);
        } catch (IOException | InterruptedException e) {
            // no kill command: halting skips shutdown hooks and finally blocks just the same
        }
        Runtime.getRuntime().halt(137);
    }
}
