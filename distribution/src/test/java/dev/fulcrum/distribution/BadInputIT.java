package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input gets a message naming the file, line, row, column or field, and exit
 * code 2; a run that fails midway leaves a run folder that says so, with no half-written file.
 * These run the launcher in-process on the bundled plugins, for speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final String PIPELINE = """
            name: bad
            data:
              specific: {type: csv, path: data.csv, sensitive: [group]}
            model: {type: mlp, hidden: [8]}
            strategy: {type: supervised, epochs: 2}
            """;

    private TestHost host;

    @BeforeAll
    void start() throws IOException {
        host = TestHost.withJars(Launcher.pluginJars());
        StringBuilder csv = new StringBuilder("x1,x2,group,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "f" : "m").append(',')
                    .append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        host.writeFile("pipelines/data.csv", csv.toString());
    }

    @AfterAll
    void stop() {
        host.close();
    }

    private CliResult run(String yaml, String... extra) {
        Path file = host.writeFile("pipelines/p.yaml", yaml);
        String[] args = Stream.concat(Stream.of("run", file.toString()), Stream.of(extra)).toArray(String[]::new);
        return host.cli(args);
    }

    private Path pipelineFile() {
        return host.root().resolve("pipelines/p.yaml");
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() {
        CliResult result = run(PIPELINE.replace("model: {type: mlp, hidden: [8]}", "model: {type: mlp, hidden: [8]"));
        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().startsWith("error: " + pipelineFile() + ":5: YAML syntax error"), result.all());
    }

    @Test
    void wrongValueTypeNamesPathAndExpectation() {
        CliResult result = run(PIPELINE.replace("epochs: 2", "epochs: ten"));
        assertEquals(2, result.exitCode(), result.all());
        assertEquals("error: " + pipelineFile() + ":5: strategy.epochs: expected integer, got \"ten\"\n", result.err());
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        CliResult result = run(PIPELINE.replace("type: mlp", "type: mlpp"));
        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().startsWith("error: " + pipelineFile() + ":4: model.type: unknown model architecture \"mlpp\"; known: "),
                result.all());
        assertTrue(result.err().contains("mlp"), result.all());
    }

    @Test
    void badConfigCreatesNoRunFolder() throws IOException {
        long before = runFolders();
        run(PIPELINE.replace("epochs: 2", "epochs: -1"));
        assertEquals(before, runFolders());
    }

    @Test
    void missingDataFileNamesThePath() {
        CliResult result = run(PIPELINE.replace("data.csv", "missing.csv"));
        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains("error: run failed: " + host.root().resolve("pipelines/missing.csv") + ": no such file"), result.all());
    }

    @Test
    void malformedDataNamesRowAndColumn() throws IOException {
        Files.writeString(host.root().resolve("pipelines/broken.csv"), "x1,x2,group,label\n1,2,f,yes\n3,x,m,no\n");
        CliResult result = run(PIPELINE.replace("data.csv", "broken.csv"));
        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains(host.root().resolve("pipelines/broken.csv") + ": row 3, column x2: expected a number, got \"x\""),
                result.all());
    }

    @Test
    void aRunThatFailsMidwaySaysSoAndLeavesNoPartialFile() throws IOException {
        CliResult result = run(PIPELINE.replace("epochs: 2", "epochs: 2, early-stopping: {metric: general.accuracy}"));
        assertEquals(2, result.exitCode(), result.all());
        Path folder = latestRunFolder();
        JsonNode summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        assertEquals("failed", summary.get("status").asText());
        assertEquals("train", summary.at("/error/stage").asText());
        assertTrue(summary.at("/error/message").asText().startsWith("early-stopping metric \"general.accuracy\" does not exist"));
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("config.yaml", "provenance.json", "summary.json"), names);
        }
    }

    @Test
    void aReporterThatCannotWriteFailsTheRunWithExitCode1ButKeepsTheModel() throws IOException {
        Path blocker = host.writeFile("pipelines/blocker", "a file where a folder should be");
        CliResult result = run(PIPELINE + "report: {type: json, copy-to: " + blocker.resolve("report.json") + "}\n");
        assertEquals(1, result.exitCode(), result.all());
        Path folder = latestRunFolder();
        JsonNode summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        assertEquals("report", summary.at("/error/stage").asText());
        assertTrue(Files.isRegularFile(folder.resolve("model.zip")));
    }

    @Test
    void overridesFromTheCommandLineApply() throws IOException {
        CliResult result = run(PIPELINE, "--set", "strategy.epochs=1", "--set", "model.hidden=[4]", "--seed", "5");
        assertEquals(0, result.exitCode(), result.all());
        JsonNode summary = new ObjectMapper().readTree(latestRunFolder().resolve("summary.json").toFile());
        assertEquals(1, summary.at("/training/phases/0/epochs_run").asInt());
        assertEquals(5, summary.at("/run/seed").asInt());
        String config = Files.readString(latestRunFolder().resolve("config.yaml"));
        assertTrue(config.contains("hidden:\n  - 4\n"), config);
    }

    @Test
    void badArgumentsAndUnknownTypesToDescribeAreBadInput() {
        CliResult noFile = host.cli("run");
        assertEquals(2, noFile.exitCode(), noFile.all());
        assertTrue(noFile.err().contains("Missing required parameter: 'PIPELINE.yaml'"), noFile.all());
        CliResult badSet = run(PIPELINE, "--set", "epochs");
        assertEquals(2, badSet.exitCode(), badSet.all());
        assertEquals("error: --set epochs: expected path=value, e.g. strategy.epochs=5\n", badSet.err());
        CliResult describe = host.cli("describe", "nope");
        assertEquals(2, describe.exitCode(), describe.all());
        assertTrue(describe.err().startsWith("error: unknown type \"nope\"; known types: "), describe.all());
    }

    @Test
    void validateAndDescribeWork() {
        Path file = host.writeFile("pipelines/p.yaml", PIPELINE);
        CliResult validate = host.cli("validate", file.toString());
        assertEquals(0, validate.exitCode(), validate.all());
        assertTrue(validate.out().contains("is valid: 3 components"), validate.out());
        CliResult describe = host.cli("describe", "supervised");
        assertEquals(0, describe.exitCode(), describe.all());
        List<String> supervised = describe.out().lines().toList();
        assertTrue(supervised.contains("    epochs                    integer         >= 1  default 30"), describe.out());
        assertTrue(supervised.contains("    early-stopping.patience   integer         >= 1  default 5"), describe.out());
        CliResult audit = host.cli("describe", "group-fairness");
        assertEquals(0, audit.exitCode(), audit.all());
        List<String> groupFairness = audit.out().lines().toList();
        assertTrue(groupFairness.contains("    confidence        number                       in (0, 1)  default 0.95"), audit.out());
        assertTrue(groupFairness.contains("    gates[].min       number                                  default ?"), audit.out());
    }

    @Test
    void aParamOutsideItsBoundsIsNamedWithItsLine() {
        CliResult epochs = run(PIPELINE.replace("epochs: 2", "epochs: 0"));
        assertEquals(2, epochs.exitCode(), epochs.all());
        assertEquals("error: " + pipelineFile() + ":5: strategy.epochs: must be at least 1, got 0\n", epochs.err());
        CliResult layer = run(PIPELINE.replace("hidden: [8]", "hidden: [8, 0]"));
        assertEquals(2, layer.exitCode(), layer.all());
        assertEquals("error: " + pipelineFile() + ":4: model.hidden[1]: must be at least 1, got 0\n", layer.err());
    }

    private long runFolders() throws IOException {
        if (!Files.isDirectory(host.runsFolder())) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(host.runsFolder())) {
            return folders.count();
        }
    }

    private Path latestRunFolder() throws IOException {
        try (Stream<Path> folders = Files.list(host.runsFolder())) {
            return folders.max(java.util.Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
        }
    }

    @Test
    void noPartialFilesAnywhereAfterAllThis() throws IOException {
        assertFalse(Files.exists(host.runsFolder()) && Files.walk(host.runsFolder())
                .anyMatch(p -> p.getFileName().toString().endsWith(".partial")));
    }
}
