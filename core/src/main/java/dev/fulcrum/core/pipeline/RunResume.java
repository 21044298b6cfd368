package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.AtomicFile;
import dev.fulcrum.core.run.Yaml;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.core.train.Checkpoints;
import dev.fulcrum.runtime.config.ConfigDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The checks and tidying of {@code fulcrum run --resume RUN}: a run that ended (succeeded, or finished with
 * a failed gate) is not run again, only tidied; any other is resumed only with the config, seed, plugin jars
 * and backend it started with, unless the user forces it.
 */
public final class RunResume {

    private RunResume() {
    }

    /** Whether the run in {@code run} ended, so that resuming it does nothing. */
    public static boolean ended(Path run) {
        Path summary = run.resolve(PipelineRunner.SUMMARY);
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        String status = SavedRun.readJson(summary).path("status").asText();
        return status.equals(RunStatus.SUCCEEDED.label()) || status.equals(RunStatus.GATE_FAILED.label());
    }

    /** Removes what an interrupted process left: temporary files of writes it did not finish; returns how many. */
    public static int removeTemporaries(Path run) {
        try {
            return AtomicFile.removeTemporaries(run).size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + run, e);
        }
    }

    /**
     * Removes the checkpoints an ended run left, unless its summary says it keeps them: a process killed after
     * its summary and before it removed them leaves them behind.
     */
    public static void tidyEnded(Path run) {
        removeCheckpoints(run, SavedRun.readJson(run.resolve(PipelineRunner.SUMMARY)).path("training").path("checkpoints")
                .path("keep").asBoolean(false));
    }

    /** Whether training saved anything under the run's {@code checkpoints/} folders (its own or a member's). */
    static boolean hasCheckpoints(Path run) {
        try (Stream<Path> files = Files.walk(run)) {
            return files.anyMatch(file -> file.getParent().getFileName().toString().equals(Checkpoints.FOLDER)
                    && file.getFileName().toString().endsWith(".zip"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + run, e);
        }
    }

    /** Removes the checkpoints of an ended run (those a run keeps with {@code checkpoint.keep} stay). */
    static void removeCheckpoints(Path run, boolean keep) {
        if (keep) {
            return;
        }
        Checkpoints.remove(run);
        Path members = run.resolve(TrainStage.MEMBERS);
        if (Files.isDirectory(members)) {
            try (Stream<Path> folders = Files.list(members)) {
                folders.filter(Files::isDirectory).forEach(Checkpoints::remove);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + members, e);
            }
        }
    }

    /**
     * Refuses to resume {@code run} with {@code pipeline} unless it is the run that started there.
     *
     * @throws InvalidInputException naming every difference (config key, seed, plugin jar, backend) unless {@code force}
     */
    public static void requireSameRun(Path run, ResolvedPipeline pipeline, FulcrumHost host, boolean force) {
        Path config = run.resolve("config.yaml");
        if (!Files.isRegularFile(config)) {
            throw new InvalidInputException(run + ": not a run folder (no config.yaml)");
        }
        List<String> differences = new ArrayList<>();
        JsonNode then = read(config);
        JsonNode now = ConfigDocument.parse(Yaml.write(pipeline.resolvedConfig()), "resolved config").root();
        TreeSet<String> keys = new TreeSet<>();
        differingKeys("", then, now, keys);
        keys.forEach(key -> differences.add("config " + key));
        RunIdentity saved = RunIdentity.read(run);
        if (saved != null) {
            differences.addAll(saved.differences(RunIdentity.of(pipeline, host, ThreadSettings.apply())));
        }
        if (!differences.isEmpty() && !force) {
            throw new InvalidInputException(run + ": will not resume: this is not the run that started there ("
                    + String.join("; ", differences) + "); resume with --force to continue anyway");
        }
    }

    private static JsonNode read(Path config) {
        try {
            return ConfigDocument.parse(Files.readString(config), config.toString()).root();
        } catch (IOException e) {
            throw new InvalidInputException(config + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The dotted paths under which {@code a} and {@code b} differ, as deep as both are objects. */
    private static void differingKeys(String path, JsonNode a, JsonNode b, TreeSet<String> keys) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differingKeys(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), keys);
            }
        } else if (a == null || !a.equals(b)) {
            keys.add(path + (a == null ? " (added)" : b == null ? " (removed)" : ""));
        }
    }
}
