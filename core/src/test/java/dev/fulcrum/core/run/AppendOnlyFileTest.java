package dev.fulcrum.core.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AppendOnlyFileTest {

    @TempDir
    Path folder;

    @Test
    void eachBatchGoesAfterTheLinesBeforeItAndNothingIsRewritten() throws IOException {
        Path file = folder.resolve("trail.jsonl");
        AppendOnlyFile.append(file, List.of());
        assertFalse(Files.exists(file), "no lines, no file");
        AppendOnlyFile.append(file, List.of("{\"a\":1}", "{\"a\":2}"));
        AppendOnlyFile.append(file, List.of("{\"a\":3}"));
        assertEquals("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", Files.readString(file));
    }
}
