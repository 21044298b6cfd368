package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.run.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a worker joining a study from another machine needs, stored in the study by its launcher
 * ({@code fulcrum tune}) so that the worker needs no pipeline file: the pipeline as the launcher
 * resolved it (the file with {@code --set} and {@code --seed} applied, its name filled in), the
 * folder its relative paths resolve against, the SHA-256 of the launcher's {@code plugins.lock}
 * where it had one, and the study's deadline.
 *
 * @param pluginLock the launcher's plugin lock hash, or {@code null} when its plugins folder had none
 * @param deadline   no trial starts after it, or {@code null}
 */
record StudyLaunch(PipelineConfig pipeline, String pluginLock, Instant deadline) {

    private static final int FORMAT = 1;

    String json() {
        ObjectNode root = pipeline.document().root().deepCopy();
        root.put("name", pipeline.name());
        ObjectNode launch = Json.object().put("format", FORMAT);
        launch.set("pipeline", root);
        launch.put("folder", pipeline.folder().toString());
        launch.put("plugins_lock_sha256", pluginLock);
        launch.put("deadline", deadline == null ? null : deadline.toString());
        return Json.line(launch);
    }

    /** @param where the study's URL, naming where the pipeline came from in any message about it */
    static StudyLaunch read(String json, String where) {
        JsonNode launch;
        try {
            launch = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidInputException(where + ": the study's stored pipeline is not JSON: " + e.getMessage(), e);
        }
        if (launch.path("format").asInt() != FORMAT) {
            throw new InvalidInputException(where + ": the study's stored pipeline is in format "
                    + launch.path("format").asText() + ", which this Fulcrum does not read (it reads " + FORMAT + ")");
        }
        JsonNode pipeline = launch.path("pipeline");
        PipelineConfig config = PipelineConfigReader.parse(Json.line(pipeline), where, pipeline.path("name").asText(),
                Path.of(launch.path("folder").asText()));
        return new StudyLaunch(config, text(launch, "plugins_lock_sha256").orElse(null),
                text(launch, "deadline").map(Instant::parse).orElse(null));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * Refuses a worker whose plugins are not the launcher's: both had a lock, or the launcher had one,
     * and the hashes differ. A launcher without a lock pinned nothing to compare with.
     *
     * @param workerLock the joining worker's plugin lock hash, or {@code null} when it has none
     */
    void requireSamePlugins(String workerLock, Path workerPlugins, String where) {
        if (pluginLock != null && !pluginLock.equals(workerLock)) {
            throw new InvalidInputException(where + ": this worker's plugins are not the study's: the launcher's "
                    + "plugins.lock has SHA-256 " + pluginLock + ", this worker's (" + workerPlugins + ") "
                    + (workerLock == null ? "has no plugins.lock" : "has " + workerLock)
                    + "; install the same plugins (copy the launcher's plugins folder and its lock)");
        }
    }
}
