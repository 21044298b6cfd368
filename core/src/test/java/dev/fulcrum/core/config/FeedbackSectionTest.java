package dev.fulcrum.core.config;

import dev.fulcrum.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feedback: section is checked with the rest of the pipeline file, before any run folder exists. */
class FeedbackSectionTest {

    private static final String PIPELINE = """
            data: {specific: {type: synthetic}}
            model: {type: mlp}
            strategy: {type: supervised}
            """;

    @TempDir
    Path folder;

    private PipelineConfig read(String feedback) throws IOException {
        return PipelineConfigReader.read(Files.writeString(folder.resolve("pipe.yaml"), PIPELINE + feedback), List.of(), null);
    }

    private String error(String feedback) throws IOException {
        Path file = Files.writeString(folder.resolve("pipe.yaml"), PIPELINE + feedback);
        return assertThrows(InvalidInputException.class, () -> PipelineConfigReader.read(file, List.of(), null)).getMessage();
    }

    @Test
    void entriesResolveTheirFilesAgainstThePipelinesFolderAndKeepTheirSettings() throws IOException {
        Files.createDirectories(folder.resolve("runs/x"));
        Files.writeString(folder.resolve("runs/x/review.csv"), "id,action\n");
        Files.writeString(folder.resolve("ls.json"), "[]");
        PipelineConfig config = read("""
                feedback:
                  - {file: runs/x/review.csv}
                  - {file: ls.json, format: label-studio, task: specific, test-corrections: true, label-field: choice,
                     pool: {type: idx, images: pool.gz, classes: [5, 6]}}
                """);
        assertEquals(2, config.feedback().size());
        FeedbackSpec first = config.feedback().get(0);
        assertEquals(folder.toAbsolutePath().normalize().resolve("runs/x/review.csv"), first.file());
        assertNull(first.format());
        assertNull(first.task());
        assertEquals(false, first.testCorrections());
        assertNull(first.pool());
        assertEquals("fulcrum_id", first.idField());
        FeedbackSpec second = config.feedback().get(1);
        assertEquals(List.of("label-studio", "specific", true, "choice", "idx", "feedback[1].pool"),
                List.of(second.format(), second.task(), second.testCorrections(), second.labelField(), second.pool().type(),
                        second.pool().path().toString()));
        assertEquals("[5,6]", second.pool().params().get("classes").toString());
        assertTrue(read("").feedback().isEmpty());
    }

    @Test
    void aRoundsFilesMayBeGivenOnTheCommandLine() throws IOException {
        Files.writeString(folder.resolve("round1.csv"), "id,action\n");
        PipelineConfig config = PipelineConfigReader.read(Files.writeString(folder.resolve("pipe.yaml"), PIPELINE),
                List.of("feedback=[{file: round1.csv, task: specific, pool: {type: synthetic}}]"), null);
        assertEquals(folder.toAbsolutePath().normalize().resolve("round1.csv"), config.feedback().get(0).file());
        assertEquals("synthetic", config.feedback().get(0).pool().type());
    }

    @Test
    void mistakesNameTheFileLineAndPath() throws IOException {
        Path pipe = folder.resolve("pipe.yaml");
        assertEquals(pipe + ":5: feedback[0].file: no such corrections file: " + folder.toAbsolutePath().normalize().resolve("missing.csv"),
                error("feedback:\n  - {file: missing.csv}\n"));
        Files.writeString(folder.resolve("r.csv"), "id,action\n");
        assertEquals(pipe + ":5: feedback[0].formt: unknown key; a feedback entry has file, format, id-field, label-field, pool, task, "
                + "test-corrections", error("feedback:\n  - {file: r.csv, formt: csv}\n"));
        assertEquals(pipe + ":5: feedback[0].test-corrections: expected true or false, got \"yes\"",
                error("feedback:\n  - {file: r.csv, test-corrections: \"yes\"}\n"));
        assertEquals(pipe + ":5: feedback[0].format: expected review, csv or label-studio, got \"xml\"",
                error("feedback:\n  - {file: r.csv, format: xml}\n"));
        assertEquals(pipe + ":5: feedback[0].task: expected specific or general, got \"both\"",
                error("feedback:\n  - {file: r.csv, task: both}\n"));
        assertEquals(pipe + ":5: feedback[0].file: missing: every feedback entry names its corrections file",
                error("feedback:\n  - {task: specific}\n"));
        assertEquals(pipe + ":4: feedback: expected a list of corrections files, each a mapping with a file, got a mapping",
                error("feedback: {file: r.csv}\n"));
        assertEquals(pipe + ":5: feedback[0].pool.type: missing: every data source names its type",
                error("feedback:\n  - {file: r.csv, pool: {images: p.gz}}\n"));
    }
}
