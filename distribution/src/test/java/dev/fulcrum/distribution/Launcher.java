package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs the real {@code bin/fulcrum} of the assembled distribution in a child process. */
final class Launcher {

    static final Path DISTRIBUTION = Path.of(System.getProperty("fulcrum.distribution"));
    static final Path EXAMPLES = Path.of(System.getProperty("fulcrum.examples"));
    /** A pipeline that trains in seconds on the bundled plugins. */
    static final String TINY_PIPELINE = """
            name: tiny
            data:
              specific: {type: synthetic, rows: 400}
            model: {type: mlp, hidden: [8]}
            strategy: {type: supervised, epochs: 2}
            """;

    private Launcher() {
    }

    /** {@code examples/<name>} of the distribution copied to {@code target} (not there yet), as a user copies it out. */
    static Path copyOfExample(String name, Path target) throws IOException {
        Path example = DISTRIBUTION.resolve("examples").resolve(name);
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(example.relativize(file).toString()));
            }
        }
        return target;
    }

    static CliResult run(Path workingFolder, String... args) throws IOException, InterruptedException {
        return ChildProcess.run(command(workingFolder, args), Duration.ofMinutes(5));
    }

    /**
     * {@code fulcrum run PIPELINE --runs RUNS SETTINGS...} in {@code work}, which must succeed.
     *
     * @return the run it made, the latest in {@code work/RUNS}
     */
    static RunRecord runPipeline(Path work, Path pipeline, String runs, String... settings) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run", pipeline.toString(), "--runs", runs));
        args.addAll(List.of(settings));
        run(work, args.toArray(String[]::new)).assertExit(0);
        return RunRecord.latestIn(work.resolve(runs));
    }

    /** The launcher's command in {@code workingFolder}, not yet started, for a test that sets its environment or stops it. */
    static ProcessBuilder command(Path workingFolder, String... args) {
        List<String> command = new ArrayList<>(List.of(DISTRIBUTION.resolve("bin/fulcrum").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile());
        builder.environment().remove("OMP_NUM_THREADS");
        return builder;
    }

    /** The bundled plugin jars. */
    static List<Path> pluginJars() {
        try (var files = Files.list(DISTRIBUTION.resolve("plugins"))) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plugins folder of its own under {@code work}, holding a copy of every bundled plugin jar. */
    static Path copyOfBundledPlugins(Path work) throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        for (Path jar : pluginJars()) {
            Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return plugins;
    }
}
