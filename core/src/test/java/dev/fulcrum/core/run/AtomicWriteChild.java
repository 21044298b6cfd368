package dev.fulcrum.core.run;

import java.nio.file.Path;
import java.util.Arrays;

/** A process that writes one file atomically: {@code TARGET LENGTH FILL}, for {@link AtomicFileCrashTest} to kill. */
public final class AtomicWriteChild {

    private AtomicWriteChild() {
    }

    public static void main(String[] args) throws Exception {
        byte[] content = new byte[Integer.parseInt(args[1])];
        Arrays.fill(content, (byte) args[2].charAt(0));
        AtomicFile.write(Path.of(args[0]), content);
    }
}
