package dev.fulcrum.testkit;

import dev.fulcrum.core.cli.ConsoleProgress;
import dev.fulcrum.core.cli.FulcrumCli;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.ResolvedPipeline;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real Fulcrum host on real plugin jars, copied into a temporary plugins folder: what a user
 * gets after dropping jars into a folder, without the distribution around it.
 */
public final class TestHost implements AutoCloseable {

    /** Set by the build for a plugin module's integration tests: the jar it just packaged. */
    public static final String PLUGIN_JAR_PROPERTY = "fulcrum.plugin.jar";

    private final Path root;
    private final Path plugins;
    private final Path runs;
    private final StringWriter progress = new StringWriter();
    private FulcrumHost host;

    private TestHost(List<Path> jars) {
        try {
            root = Files.createTempDirectory("fulcrum-test-");
            plugins = Files.createDirectories(root.resolve("plugins"));
            runs = root.resolve("runs");
            for (Path jar : jars) {
                Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        host = FulcrumHost.start(plugins, root.resolve("plugin-data"));
    }

    /** A host on the given plugin jars. */
    public static TestHost withJars(List<Path> jars) {
        return new TestHost(jars);
    }

    /**
     * A host on the plugin this module just built, plus every Fulcrum plugin jar the module has on
     * its test class path (its test dependencies on other plugins).
     */
    public static TestHost forBuiltPlugin() {
        List<Path> jars = new ArrayList<>();
        jars.add(builtJar());
        jars.addAll(pluginJarsOnClassPath());
        return new TestHost(jars);
    }

    /** The jar this plugin module packaged. */
    public static Path builtJar() {
        String jar = System.getProperty(PLUGIN_JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property " + PLUGIN_JAR_PROPERTY + " does not name a built jar (" + jar
                    + "); plugin integration tests run after packaging, with 'mvn verify'");
        }
        return Path.of(jar);
    }

    /** Fulcrum plugin jars on the class path, other than this module's own. */
    public static List<Path> pluginJarsOnClassPath() {
        String own = System.getProperty(PLUGIN_JAR_PROPERTY, "");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("fulcrum-plugin-") && p.toString().endsWith(".jar"))
                .filter(p -> !p.toAbsolutePath().equals(Path.of(own).toAbsolutePath()))
                .toList();
    }

    public FulcrumHost host() {
        return host;
    }

    public Path root() {
        return root;
    }

    public Path pluginsFolder() {
        return plugins;
    }

    public Path runsFolder() {
        return runs;
    }

    /** Everything runs printed as progress so far. */
    public String progress() {
        return progress.toString();
    }

    /** Starts the host again on the plugins folder as it is now (after dropping in or removing a jar). */
    public void restart() {
        host.close();
        host = FulcrumHost.start(plugins, root.resolve("plugin-data"));
    }

    /** Writes a file under the test's temporary folder and returns its path. */
    public Path writeFile(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PipelineConfig config(String yaml, String... overrides) {
        Path file = writeFile("pipelines/pipeline-" + System.nanoTime() + ".yaml", yaml);
        return PipelineConfigReader.read(file, List.of(overrides), null);
    }

    public ResolvedPipeline validate(String yaml, String... overrides) {
        return launcher().validate(config(yaml, overrides));
    }

    public RunOutcome run(String yaml, String... overrides) {
        return launcher().run(config(yaml, overrides), runs);
    }

    /** Runs a pipeline that must succeed; the test fails with the run's error otherwise. */
    public RunRecord runSucceeding(String yaml, String... overrides) {
        return runEnding(RunStatus.SUCCEEDED, yaml, overrides);
    }

    /** Runs a pipeline that must stop at bad input ({@link RunStatus#INVALID_INPUT}); read its message from the record. */
    public RunRecord runInvalid(String yaml, String... overrides) {
        return runEnding(RunStatus.INVALID_INPUT, yaml, overrides);
    }

    private RunRecord runEnding(RunStatus expected, String yaml, String... overrides) {
        RunOutcome outcome = run(yaml, overrides);
        assertEquals(expected, outcome.status(), () -> outcome.errorMessage() != null ? outcome.errorMessage()
                : outcome.summary().toPrettyString());
        return RunRecord.of(outcome);
    }

    /**
     * Runs {@code fulcrum tune} in-process on a pipeline with a {@code tune:} section, against this
     * host's folders; {@code args} follow the pipeline file ({@code --set tune.trials=3}, {@code --new}).
     */
    public CliResult tune(String yaml, String... args) {
        Path file = writeFile("pipelines/pipeline-" + System.nanoTime() + ".yaml", yaml);
        List<String> all = new ArrayList<>(List.of("tune", file.toString()));
        all.addAll(List.of(args));
        return cli(all.toArray(String[]::new));
    }

    /** The study {@code name} under this host's runs folder. */
    public StudyRecord study(String name) {
        return StudyRecord.at(runs, name);
    }

    /** The run folder under this host's runs folder that changed last: what a {@code run} command just wrote. */
    public RunRecord latestRun() {
        return RunRecord.latestIn(runs);
    }

    private PipelineLauncher launcher() {
        return new PipelineLauncher(host, new ConsoleProgress(new PrintWriter(progress, true), false));
    }

    /**
     * Runs a launcher command in-process against this host's folders ({@code --plugins} and
     * {@code --runs} are added after the command's own arguments).
     */
    public CliResult cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--plugins", plugins.toString(), "--runs", runs.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FulcrumCli.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliResult(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        host.close();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
