package dev.fulcrum.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.cli.ConsoleProgress;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs pipeline files in this JVM, quietly, on a folder of plugin jars, with run folders in a
 * temporary folder removed at the end: what {@code fulcrum run --set ... --seed ...} does, many
 * times over without a JVM start each time.
 */
final class PipelineRuns implements AutoCloseable {

    private final Path scratch;
    private final FulcrumHost host;

    PipelineRuns(Path plugins) {
        try {
            scratch = Files.createTempDirectory("fulcrum-benchmark-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        host = FulcrumHost.start(plugins, scratch.resolve("plugin-data"));
        if (!host.problems().isEmpty()) {
            throw new IllegalStateException("plugins in " + plugins + " failed to load: " + host.problems());
        }
    }

    /** The plugins folder given as {@code --plugins DIR} at the start of the arguments. */
    static Path pluginsFolder(String[] args) {
        if (args.length < 2 || !args[0].equals("--plugins")) {
            throw new IllegalArgumentException("usage: --plugins DIR [arguments]; benchmarks/adaptation passes it");
        }
        return Path.of(args[1]);
    }

    /** Runs a pipeline with overrides ({@code path=value}) and a seed; returns its summary, or fails loudly. */
    ObjectNode run(Path pipeline, long seed, List<String> overrides) {
        PipelineLauncher launcher = new PipelineLauncher(host, new ConsoleProgress(new PrintWriter(Writer.nullWriter()), false));
        RunOutcome outcome = launcher.run(PipelineConfigReader.read(pipeline, overrides, seed), scratch.resolve("runs"));
        if (outcome.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException(pipeline + " " + overrides + " failed: " + outcome.errorMessage());
        }
        return outcome.summary();
    }

    /** The number at a dotted path of a summary, e.g. {@code metrics_by_domain.target.test.specific.accuracy}. */
    static double number(JsonNode summary, String path) {
        JsonNode node = summary;
        for (String key : path.split("\\.")) {
            node = node.path(key);
        }
        if (!node.isNumber()) {
            throw new IllegalStateException("summary has no number at " + path);
        }
        return node.asDouble();
    }

    @Override
    public void close() {
        host.close();
        try (Stream<Path> paths = Files.walk(scratch)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
