package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real Maven ({@code mvn} on the PATH) as a plugin author outside this tree has it: a local repository
 * of its own that starts empty, where the only Fulcrum artifacts are those a command run here installs.
 *
 * <p>Third-party artifacts (DL4J, Maven's plugins, JUnit) come from a {@code file://} view of the outer
 * build's local repository that leaves {@code dev/fulcrum} out, so the tests do not download them again.
 * The little that view lacks comes from Maven Central, the super POM's repository, which holds no
 * {@code dev.fulcrum} artifact: the poms of versions that the outer build's dependency management never
 * asks for (a few kB), and on a fresh machine the install plugin, which {@code mvn verify} never runs.
 */
final class IsolatedMaven {

    private static final Path OUTER_REPOSITORY = Path.of(System.getProperty("fulcrum.maven.repository"));
    private static final Path FULCRUM_GROUP = Path.of("dev", "fulcrum");

    private final Path repository;
    private final Path settings;

    private IsolatedMaven(Path repository, Path settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** An isolated Maven whose repository, view and settings live under {@code folder}. */
    static IsolatedMaven in(Path folder) throws IOException {
        if (findOnPath("mvn") == null) {
            fail("these tests run Maven as a plugin author does, and 'mvn' is not on the PATH ("
                    + System.getenv("PATH") + "): install Maven 3.8 or newer, or put its bin/ folder on the PATH");
        }
        Path view = Files.createDirectories(folder.resolve("view"));
        linkAllBut(OUTER_REPOSITORY, view, FULCRUM_GROUP);
        Path settings = Files.writeString(folder.resolve("settings.xml"), settingsReadingFirstFrom(view));
        return new IsolatedMaven(Files.createDirectories(folder.resolve("repository")), settings);
    }

    /** The local repository, empty until a command installs into it. */
    Path repository() {
        return repository;
    }

    /** Runs {@code mvn args...} in {@code folder}. */
    CliResult mvn(Path folder, String... args) throws IOException, InterruptedException {
        return run(folder, "mvn", args);
    }

    /** Runs {@code script}, which passes these Maven options on to each mvn call it makes, in {@code folder}. */
    CliResult script(Path folder, Path script, String... args) throws IOException, InterruptedException {
        return run(folder, script.toString(), args);
    }

    private CliResult run(Path folder, String executable, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(args));
        return ChildProcess.run(new ProcessBuilder(command).directory(folder.toFile()), Duration.ofMinutes(5));
    }

    /** Links every entry of {@code from} into {@code to}, except the folder {@code hidden} (relative to {@code from}). */
    private static void linkAllBut(Path from, Path to, Path hidden) throws IOException {
        Files.createDirectories(to);
        Path first = hidden.getName(0);
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                Path name = entry.getFileName();
                if (!name.equals(first)) {
                    Files.createSymbolicLink(to.resolve(name.toString()), entry);
                } else if (hidden.getNameCount() > 1) {
                    linkAllBut(entry, to.resolve(name.toString()), hidden.subpath(1, hidden.getNameCount()));
                }
            }
        }
    }

    private static String settingsReadingFirstFrom(Path view) {
        // A view has no checksum files: Maven's local repository keeps none.
        String repository = """
                  <id>outer-build</id><url>%s</url>
                  <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>
                """.formatted(view.toUri());
        return """
                <settings>
                  <profiles><profile><id>outer-build</id>
                    <repositories><repository>%s</repository></repositories>
                    <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>outer-build</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository);
    }

    private static Path findOnPath(String executable) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, executable))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }
}
