package dev.fulcrum.core.cli;

import dev.fulcrum.runtime.CheckedZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real run's {@code model.zip} (an MLP on standardized synthetic rows, 3,204 bytes), truncated
 * and bit-flipped, handed to {@code fulcrum predict}: each damaged copy is exit code 2 and one line
 * naming the archive, before any plugin is asked for.
 */
class DamagedModelTest {

    /** Byte offsets inside the deflated data of configuration.json, coefficients.bin, fulcrum/pipeline.yaml, fulcrum/model.json and a feature state. */
    private static final int[] FLIPS = {548, 1251, 1668, 2100, 2450};
    /** Lengths to cut the archive to: inside entries, inside the central directory, one byte short. */
    private static final int[] CUTS = {1, 100, 1200, 2500, 2900, 3203};

    @TempDir
    Path work;

    @Test
    void theIntactArchivePassesTheChecks() throws IOException {
        assertEquals(6, CheckedZip.read(intact(), CheckedZip.Limits.MODEL).size());
    }

    @Test
    void truncatedCopiesAreRefusedWithOneLine() throws IOException {
        byte[] bytes = Files.readAllBytes(intact());
        assertEquals(3204, bytes.length);
        for (int cut : CUTS) {
            Path zip = Files.write(work.resolve("cut-" + cut + ".zip"), Arrays.copyOf(bytes, cut));
            assertRefused(zip, ": not a readable zip archive");
        }
    }

    @Test
    void bitFlippedCopiesAreRefusedWithOneLine() throws IOException {
        byte[] bytes = Files.readAllBytes(intact());
        for (int flip : FLIPS) {
            byte[] flipped = bytes.clone();
            flipped[flip] ^= 0x04;
            Path zip = Files.write(work.resolve("flip-" + flip + ".zip"), flipped);
            assertRefused(zip, ": entry ");
        }
    }

    private void assertRefused(Path zip, String problem) throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path rows = Files.writeString(work.resolve("rows.csv"), "x0,x1\n1,2\n");
        for (List<String> command : List.of(List.of("predict", zip.toString(), "--data", rows.toString()))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] args = Stream.concat(command.stream(),
                    Stream.of("--plugins", plugins.toString(), "--runs", work.resolve("runs").toString())).toArray(String[]::new);
            int code = FulcrumCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            String text = err.toString();
            assertEquals(ExitCodes.BAD_INPUT, code, command + ": " + text);
            assertEquals(1, text.lines().count(), command + ": " + text);
            assertTrue(text.startsWith("error: " + zip + problem), command + ": " + text);
        }
    }

    private Path intact() throws IOException {
        Path zip = work.resolve("model.zip");
        if (Files.notExists(zip)) {
            try (InputStream in = DamagedModelTest.class.getResourceAsStream("/models/standardized-mlp.zip")) {
                Files.copy(in, zip);
            }
        }
        return zip;
    }
}
