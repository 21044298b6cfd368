package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
class BadInputIT extends SharedHostTest {

    private static final String PIPELINE = """
            name: bad
            data:
              specific: {type: csv, path: data.csv, sensitive: [group]}
            model: {type: mlp, hidden: [8]}
            strategy: {type: supervised, epochs: 2}
            """;

    @Override
    protected TestHost createHost() {
        return TestHost.withJars(Launcher.pluginJars());
    }

    @BeforeAll
    void writeData() {
        StringBuilder csv = new StringBuilder("x1,x2,group,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "f" : "m").append(',')
                    .append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        host().writeFile("pipelines/data.csv", csv.toString());
    }

    private CliResult run(String yaml, String... extra) {
        Path file = host().writeFile("pipelines/p.yaml", yaml);
        String[] args = Stream.concat(Stream.of("run", file.toString()), Stream.of(extra)).toArray(String[]::new);
        return host().cli(args);
    }

    private Path pipelineFile() {
        return host().root().resolve("pipelines/p.yaml");
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() {
        CliResult result = run(PIPELINE.replace("model: {type: mlp, hidden: [8]}", "model: {type: mlp, hidden: [8]")).assertExit(2);
        assertTrue(result.err().startsWith("error: " + pipelineFile() + ":5: YAML syntax error"), result.all());
    }

    @Test
    void wrongValueTypeNamesPathAndExpectation() {
        CliResult result = run(PIPELINE.replace("epochs: 2", "epochs: ten")).assertExit(2);
        assertEquals("error: " + pipelineFile() + ":5: strategy.epochs: expected integer, got \"ten\"\n", result.err());
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        CliResult result = run(PIPELINE.replace("type: mlp", "type: mlpp")).assertExit(2).assertErrContains("mlp");
        assertTrue(result.err().startsWith("error: " + pipelineFile() + ":4: model.type: unknown model architecture \"mlpp\"; known: "),
                result.all());
    }

    @Test
    void badConfigCreatesNoRunFolder() throws IOException {
        long before = runFolders();
        run(PIPELINE.replace("epochs: 2", "epochs: -1"));
        assertEquals(before, runFolders());
    }

    @Test
    void missingDataFileNamesThePath() {
        run(PIPELINE.replace("data.csv", "missing.csv")).assertExit(2)
                .assertErrContains("error: run failed: " + host().root().resolve("pipelines/missing.csv") + ": no such file");
    }

    @Test
    void malformedDataNamesRowAndColumn() throws IOException {
        Files.writeString(host().root().resolve("pipelines/broken.csv"), "x1,x2,group,label\n1,2,f,yes\n3,x,m,no\n");
        run(PIPELINE.replace("data.csv", "broken.csv")).assertExit(2)
                .assertErrContains(host().root().resolve("pipelines/broken.csv") + ": row 3, column x2: expected a number, got \"x\"");
    }

    @Test
    void aRunThatFailsMidwaySaysSoAndLeavesNoPartialFile() {
        run(PIPELINE.replace("epochs: 2", "epochs: 2, early-stopping: {metric: general.accuracy}")).assertExit(2);
        RunRecord failed = host().latestRun();
        assertEquals("failed", failed.status());
        assertEquals("train", failed.summary().at("/error/stage").asText());
        assertTrue(failed.errorMessage().startsWith("early-stopping metric \"general.accuracy\" does not exist"), failed.errorMessage());
        assertEquals(List.of("config.yaml", "provenance.json", "summary.json"), failed.files());
    }

    @Test
    void aReporterThatCannotWriteFailsTheRunWithExitCode1ButKeepsTheModel() {
        Path blocker = host().writeFile("pipelines/blocker", "a file where a folder should be");
        run(PIPELINE + "report: {type: json, copy-to: " + blocker.resolve("report.json") + "}\n").assertExit(1);
        RunRecord failed = host().latestRun();
        assertEquals("report", failed.summary().at("/error/stage").asText());
        assertTrue(Files.isRegularFile(failed.model()));
    }

    @Test
    void overridesFromTheCommandLineApply() {
        run(PIPELINE, "--set", "strategy.epochs=1", "--set", "model.hidden=[4]", "--seed", "5").assertExit(0);
        RunRecord latest = host().latestRun();
        assertEquals(1, latest.summary().at("/training/phases/0/epochs_run").asInt());
        assertEquals(5, latest.number("run", "seed"));
        String config = latest.config();
        assertTrue(config.contains("hidden:\n  - 4\n"), config);
    }

    @Test
    void badArgumentsAndUnknownTypesToDescribeAreBadInput() {
        host().cli("run").assertExit(2).assertErrContains("error: run: give a PIPELINE.yaml to run, or --resume RUN");
        assertEquals("error: --set epochs: expected path=value, e.g. strategy.epochs=5\n", run(PIPELINE, "--set", "epochs").assertExit(2).err());
        CliResult describe = host().cli("describe", "nope").assertExit(2);
        assertTrue(describe.err().startsWith("error: unknown type \"nope\"; known types: "), describe.all());
    }

    @Test
    void validateAndDescribeWork() {
        Path file = host().writeFile("pipelines/p.yaml", PIPELINE);
        host().cli("validate", file.toString()).assertExit(0).assertOutContains("is valid: 3 components");
        CliResult describe = host().cli("describe", "supervised").assertExit(0);
        List<String> supervised = describe.out().lines().toList();
        assertTrue(supervised.contains("    epochs                    integer         >= 1       default 30"), describe.out());
        assertTrue(supervised.contains("    early-stopping.patience   integer         >= 1       default 5"), describe.out());
        CliResult audit = host().cli("describe", "group-fairness").assertExit(0);
        List<String> groupFairness = audit.out().lines().toList();
        assertTrue(groupFairness.contains("    confidence        number                       in (0, 1)  default 0.95"), audit.out());
        assertTrue(groupFairness.contains("    gates[].min       number                                  default ?"), audit.out());
    }

    @Test
    void aParamOutsideItsBoundsIsNamedWithItsLine() {
        CliResult epochs = run(PIPELINE.replace("epochs: 2", "epochs: 0")).assertExit(2);
        assertEquals("error: " + pipelineFile() + ":5: strategy.epochs: must be at least 1, got 0\n", epochs.err());
        CliResult layer = run(PIPELINE.replace("hidden: [8]", "hidden: [8, 0]")).assertExit(2);
        assertEquals("error: " + pipelineFile() + ":4: model.hidden[1]: must be at least 1, got 0\n", layer.err());
    }

    private long runFolders() throws IOException {
        if (!Files.isDirectory(host().runsFolder())) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(host().runsFolder())) {
            return folders.count();
        }
    }

    @Test
    void noPartialFilesAnywhereAfterAllThis() throws IOException {
        assertFalse(Files.exists(host().runsFolder()) && Files.walk(host().runsFolder())
                .anyMatch(p -> p.getFileName().toString().endsWith(".partial")));
    }
}
