package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/fulcrum} of the assembled distribution in a child process. */
final class Launcher {

    static final Path DISTRIBUTION = Path.of(System.getProperty("fulcrum.distribution"));
    static final Path EXAMPLES = Path.of(System.getProperty("fulcrum.examples"));

    private Launcher() {
    }

    static CliResult run(Path workingFolder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DISTRIBUTION.resolve("bin/fulcrum").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("fulcrum-out", ".txt");
        Path err = Files.createTempFile("fulcrum-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("OMP_NUM_THREADS");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("fulcrum " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new CliResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The bundled plugin jars. */
    static List<Path> pluginJars() {
        try (var files = Files.list(DISTRIBUTION.resolve("plugins"))) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
