package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a command in a child process and collects what it printed. */
final class ChildProcess {

    private ChildProcess() {
    }

    /** Runs {@code builder}'s command to its end, or fails when it takes longer than {@code limit}. */
    static CliResult run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        // Files, not pipes: a chatty child (Maven) never blocks on a full pipe.
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", builder.command()) + " did not finish in " + limit.toMinutes()
                        + " minutes\n--- out\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new CliResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
