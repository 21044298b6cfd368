package dev.fulcrum.testkit;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.runtime.FulcrumModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 mutations of a real run's {@code model.zip} (an MLP on synthetic rows, no transforms)
 * loaded as {@code fulcrum predict} loads it: each loads, or is refused with an
 * {@link InvalidInputException}; nothing else escapes.
 */
class ModelZipFuzzTest {

    @TempDir
    Path folder;

    @Test
    void mutatedArchivesOnlyEverGetAnInvalidInputException() throws IOException {
        byte[] model;
        try (InputStream in = ModelZipFuzzTest.class.getResourceAsStream("/fuzz/mlp-model.zip")) {
            model = in.readAllBytes();
        }
        Path file = folder.resolve("model.zip");
        int count = 10_000;
        int refused = Mutations.fuzz("model-zip", List.of(model), 7, count, input -> {
            Files.write(file, input);
            FulcrumModel.load(file);
        }, InvalidInputException.class);
        assertTrue(refused > count / 2 && refused < count, refused + " of " + count + " refused");
    }
}
