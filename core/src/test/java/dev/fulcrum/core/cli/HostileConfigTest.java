package dev.fulcrum.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.runtime.config.ConfigLimits;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus of hostile pipeline files under {@code hostile/} (each with the message it must get,
 * in {@code hostile/expected.tsv}), run through {@code fulcrum validate} in-process: each is
 * refused with exit code 2 and one line naming the file, within 2 seconds.
 */
class HostileConfigTest {

    private static final long SECONDS_ALLOWED = 2;

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyFileOfTheCorpusIsRefusedWithOneLine() throws IOException {
        Path corpus = corpus();
        List<String[]> rows = Files.readAllLines(corpus.resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t", 2))
                .toList();
        try (Stream<Path> files = Files.list(corpus)) {
            assertEquals(rows.size(), files.filter(f -> !f.getFileName().toString().equals("expected.tsv")).count(),
                    "every file of the corpus has a row in expected.tsv");
        }
        assertTrue(rows.size() >= 30, "the corpus has " + rows.size() + " files");
        return rows.stream().map(row -> DynamicTest.dynamicTest(row[0], () -> assertRefused(corpus.resolve(row[0]), row[1])));
    }

    @Test
    void aTwentyMegabyteDocumentIsRefusedBeforeItIsRead() throws IOException {
        Path file = work.resolve("huge.yaml");
        StringBuilder text = new StringBuilder("name: huge\nrows:\n");
        while (text.length() < 20 * 1024 * 1024) {
            text.append("  - [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]\n");
        }
        Files.writeString(file, text);
        assertRefused(file, ": " + Files.size(file) + " bytes is more than a config may have (" + ConfigLimits.MAX_CHARS + ")");
    }

    @Test
    void aStringLongerThanTheDocumentLimitIsRefused() throws IOException {
        Path file = work.resolve("long-string.yaml");
        Files.writeString(file, "name: " + "x".repeat(ConfigLimits.MAX_CHARS) + "\n");
        assertRefused(file, ": " + Files.size(file) + " bytes is more than a config may have");
    }

    @Test
    void hostileOverridesAreRefusedAsFilesAre() throws IOException {
        Path file = Files.writeString(work.resolve("ok.yaml"), "name: ok\ndata: {specific: {type: synthetic}}\n"
                + "model: {type: mlp}\nstrategy: {type: supervised}\n");
        assertOneLine(run("validate", file.toString(), "--set", "strategy.learning-rate=1e400"),
                "error: --set strategy.learning-rate=1e400: must be a finite number, got 1e400");
        assertOneLine(run("validate", file.toString(), "--set", "seed=.nan"), "error: --set seed=.nan: must be a finite number, got .nan");
        assertOneLine(run("validate", file.toString(), "--set", "model.hidden=" + "[".repeat(10_000)),
                "error: --set model.hidden=" + "[".repeat(10_000) + ": the value is not valid YAML: Document nesting depth (65) exceeds the maximum allowed (64");
        assertOneLine(run("validate", file.toString(), "--set", "report=!!java.lang.Runtime {}"),
                "error: --set report=!!java.lang.Runtime {}: YAML tags such as !!java.lang.Runtime are not supported");
    }

    @Test
    void aByteOrderMarkCrlfLineEndingsAndJsonStillReadAsThePlainFile() throws IOException {
        String plain = "name: ok\ndata:\n  specific: {type: synthetic, rows: 100}\nmodel: {type: mlp, hidden: [4]}\n"
                + "strategy: {type: supervised, epochs: 1, learning-rate: 0.001}\n";
        var expected = read("plain.yaml", plain.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, read("bom.yaml", ("\uFEFF" + plain).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, read("crlf.yaml", plain.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, read("pipeline.json", ("{\"name\": \"ok\", \"data\": {\"specific\": {\"type\": \"synthetic\", \"rows\": 100}},"
                + " \"model\": {\"type\": \"mlp\", \"hidden\": [4]}, \"strategy\": {\"type\": \"supervised\", \"epochs\": 1,"
                + " \"learning-rate\": 0.001}}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, read("core-tags.yaml", plain.replace("name: ok", "name: !!str ok").getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode read(String name, byte[] content) throws IOException {
        Path file = Files.write(work.resolve(name), content);
        return PipelineConfigReader.read(file, List.of(), null).document().root();
    }

    private void assertRefused(Path file, String expected) throws IOException {
        long start = System.nanoTime();
        Result result = run("validate", file.toString(), "--plugins", Files.createDirectories(work.resolve("plugins")).toString(),
                "--runs", work.resolve("runs").toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertOneLine(result, "error: " + file + expected);
        assertTrue(millis < SECONDS_ALLOWED * 1000, file.getFileName() + " took " + millis + " ms");
        assertTrue(Files.notExists(work.resolve("runs")), "nothing is written");
    }

    private static void assertOneLine(Result result, String start) {
        assertEquals(ExitCodes.BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().endsWith("\n") && result.err().indexOf('\n') == result.err().length() - 1,
                "one line: " + result.err());
        assertTrue(result.err().startsWith(start), "expected \"" + start + "\"\ngot      \"" + result.err() + "\"");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FulcrumCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, err.toString());
    }

    private static Path corpus() {
        try {
            return Path.of(HostileConfigTest.class.getResource("/hostile/expected.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private record Result(int code, String err) {
    }
}
