package dev.fulcrum.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.run.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run named on the command line: a run folder, or its {@code summary.json} file. */
public final class RunSummaries {

    private RunSummaries() {
    }

    /** The run's folder. */
    public static Path folder(Path run) {
        return Files.isDirectory(run) ? run : run.toAbsolutePath().getParent();
    }

    /** The run's {@code summary.json}; a folder without one, or a file that is not JSON, is bad input. */
    public static JsonNode read(Path run) {
        Path file = Files.isDirectory(run) ? run.resolve("summary.json") : run;
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(run + ": not a run folder (it has no summary.json)");
        }
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read it as JSON: " + e.getMessage(), e);
        }
    }
}
