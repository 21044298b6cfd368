package dev.fulcrum.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A Fulcrum install with the Spark bundle extracted into it, as a user makes one: the assembled
 * distribution's files linked into a folder of the test's own (bin/fulcrum copied, since it finds
 * its home from its own path), with {@code lib/spark/} of the bundle beside {@code lib/}.
 */
final class SparkInstall {

    static final Path BUNDLE = Path.of(System.getProperty("fulcrum.spark.bundle"));

    private SparkInstall() {
    }

    /** The install in {@code target}, which must not exist. */
    static Path create(Path target) throws IOException {
        Path distribution = Launcher.DISTRIBUTION;
        Files.createDirectories(target.resolve("bin"));
        Files.copy(distribution.resolve("bin/fulcrum"), target.resolve("bin/fulcrum"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String shared : new String[] {"conf", "plugins"}) {
            Files.createSymbolicLink(target.resolve(shared), distribution.resolve(shared));
        }
        Path lib = Files.createDirectories(target.resolve("lib"));
        try (Stream<Path> jars = Files.list(distribution.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar);
            }
        }
        Files.createSymbolicLink(lib.resolve("spark"), sparkJars());
        return target;
    }

    /** The bundle's {@code lib/spark/}. */
    static Path sparkJars() {
        return BUNDLE.resolve("lib/spark");
    }

    /** {@code bin/fulcrum} of {@code install} in {@code work}, as {@link Launcher#command} runs the plain distribution's. */
    static ProcessBuilder command(Path install, Path work, String... args) {
        ProcessBuilder builder = Launcher.command(work, args);
        builder.command().set(0, install.resolve("bin/fulcrum").toString());
        return builder;
    }
}
