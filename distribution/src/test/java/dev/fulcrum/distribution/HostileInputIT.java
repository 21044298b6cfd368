package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few hostile inputs through the real {@code bin/fulcrum} in a fresh JVM (the whole corpus runs
 * in-process in core's {@code HostileConfigTest}): exit code 2 and one line naming the file.
 */
class HostileInputIT {

    @TempDir
    Path work;

    @Test
    void anAliasBombDeepNestingAndBinaryBytesAreOneLineEach() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(8))
                    .append('*').append((char) (c - 1)).append("]\n");
        }
        assertOneLine(Files.writeString(work.resolve("bomb.yaml"), bomb), ":2: b[0]: YAML aliases (*a, <<: merge keys) are not supported");
        assertOneLine(Files.writeString(work.resolve("deep.yaml"), "name: deep\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"),
                ":2: mappings and lists nest deeper than a config may (64 levels)");
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 131 + 7);
        }
        assertOneLine(Files.write(work.resolve("binary.yaml"), binary), ": not UTF-8 text (line 1, byte ");
    }

    @Test
    void aTruncatedModelIsOneLine() throws Exception {
        Launcher.runPipeline(work, Files.writeString(work.resolve("tiny.yaml"), Launcher.TINY_PIPELINE), "runs");
        Path model;
        try (var runs = Files.list(work.resolve("runs"))) {
            model = runs.findFirst().orElseThrow().resolve("model.zip");
        }
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = Files.write(work.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        Path rows = Files.writeString(work.resolve("rows.yaml"), "{type: synthetic, rows: 10}\n", StandardCharsets.UTF_8);
        CliResult result = Launcher.run(work, "predict", truncated.toString(), "--data", rows.toString()).assertExit(2);
        assertEquals(1, result.err().lines().count(), result.all());
        assertTrue(result.err().startsWith("error: " + truncated + ": not a readable zip archive"), result.all());
    }

    private void assertOneLine(Path file, String expected) throws Exception {
        CliResult result = Launcher.run(work, "validate", file.toString()).assertExit(2);
        assertEquals(1, result.err().lines().count(), result.all());
        assertTrue(result.err().startsWith("error: " + file + expected), result.all());
    }
}
