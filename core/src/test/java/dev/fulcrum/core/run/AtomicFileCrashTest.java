package dev.fulcrum.core.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A process killed while it writes a file leaves the old file whole, and a temporary file the next start removes. */
class AtomicFileCrashTest {

    private static final int LENGTH = 50_000;

    @TempDir
    Path folder;

    @Test
    void aProcessKilledAfterAnyNumberOfBytesLeavesTheOldFileWhole() throws Exception {
        Path target = folder.resolve("summary.json");
        byte[] old = new byte[LENGTH / 2];
        Arrays.fill(old, (byte) 'o');
        Files.write(target, old);
        for (int i = 0; i < 20; i++) {
            int bytes = i * (LENGTH - 1) / 19;
            assertEquals(137, child(target, "-D" + CrashHook.AFTER_BYTES + "=summary.json:" + bytes), "after " + bytes + " bytes");
            assertArrayEquals(old, Files.readAllBytes(target), "after " + bytes + " bytes");
            List<Path> left = AtomicFile.removeTemporaries(folder);
            assertEquals(1, left.size(), "after " + bytes + " bytes: " + left);
            assertEquals(List.of(target), files());
        }
        assertEquals(0, child(target, "-D" + CrashHook.AFTER_BYTES + "=other.json:10"));
        byte[] written = Files.readAllBytes(target);
        assertEquals(LENGTH, written.length);
        assertTrue(new String(written).chars().allMatch(c -> c == 'n'));
        assertEquals(List.of(target), files());
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static int child(Path target, String crashOption) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), crashOption,
                "-cp", System.getProperty("java.class.path"), AtomicWriteChild.class.getName(), target.toString(),
                Integer.toString(LENGTH), "n").inheritIO().start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child did not end");
        return process.exitValue();
    }
}
