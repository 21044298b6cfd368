package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin author's path with the distribution alone: {@code sdk/install} into a local repository that holds
 * nothing of Fulcrum, {@code mvn package} of a copy of examples/custom-plugin, and its jar in the real host.
 */
class CustomPluginIT {

    private static final String VERSION = System.getProperty("fulcrum.version");
    private static final List<String> SDK_MODULES = Arrays.asList(System.getProperty("fulcrum.sdk.modules").split(","));
    private static final Path SDK = Launcher.DISTRIBUTION.resolve("sdk");
    private static final Pattern TESTS_PASSED = Pattern.compile("Tests run: [1-9]\\d*, Failures: 0, Errors: 0");

    @TempDir
    static Path work;
    private static IsolatedMaven maven;
    private static CliResult build;
    private static Path pluginJar;

    @BeforeAll
    static void installTheSdkAndBuildTheExample() throws Exception {
        maven = IsolatedMaven.in(work.resolve("maven"));
        maven.script(work, SDK.resolve("install")).assertExit(0);
        Path project = Launcher.copyOfExample("custom-plugin", work.resolve("custom-plugin"));
        build = maven.mvn(project, "package");
        pluginJar = project.resolve("target/fulcrum-plugin-feature-dropout-1.0.0.jar");
    }

    @Test
    void sdkHoldsTheJarSourcesAndPomOfEachModuleTheHostProvides() throws Exception {
        List<String> expected = new ArrayList<>(List.of("install", "fulcrum-parent-" + VERSION + ".pom"));
        for (String module : SDK_MODULES) {
            String artifact = module + "-" + VERSION;
            expected.addAll(List.of(artifact + ".jar", artifact + "-sources.jar", artifact + ".pom"));
            assertArrayEquals(Files.readAllBytes(Launcher.DISTRIBUTION.resolve("lib/" + artifact + ".jar")),
                    Files.readAllBytes(SDK.resolve(artifact + ".jar")), artifact + ": plugins compile against what lib/ holds");
        }
        assertEquals(expected.stream().sorted().toList(), fileNames(SDK));
        assertTrue(Files.isExecutable(SDK.resolve("install")));
    }

    @Test
    void installPutsTheSdkAndNothingElseOfFulcrumIntoTheRepository() throws Exception {
        Path fulcrum = maven.repository().resolve("dev/fulcrum");
        List<String> expected = new ArrayList<>(List.of("fulcrum-parent"));
        expected.addAll(SDK_MODULES);
        // Read after the example's build too: it brought no other Fulcrum artifact.
        assertEquals(expected.stream().sorted().toList(), fileNames(fulcrum));
        assertArrayEquals(Files.readAllBytes(SDK.resolve("fulcrum-parent-" + VERSION + ".pom")),
                Files.readAllBytes(fulcrum.resolve("fulcrum-parent/" + VERSION + "/fulcrum-parent-" + VERSION + ".pom")));
        for (String module : SDK_MODULES) {
            for (String file : List.of(".jar", "-sources.jar", ".pom")) {
                String name = module + "-" + VERSION + file;
                assertArrayEquals(Files.readAllBytes(SDK.resolve(name)),
                        Files.readAllBytes(fulcrum.resolve(module + "/" + VERSION + "/" + name)), name);
            }
        }
    }

    @Test
    void installStopsWithAMessageWhenMavenFails() throws Exception {
        ProcessBuilder install = new ProcessBuilder(SDK.resolve("install").toString(), "-s",
                work.resolve("no-such-settings.xml").toString()).directory(work.toFile());
        CliResult failed = ChildProcess.run(install, Duration.ofMinutes(1));
        assertNotEquals(0, failed.exitCode(), failed.all());
        assertTrue(failed.out().contains("The specified user settings file does not exist"), failed.all());
        assertTrue(failed.err().contains("error: sdk/install could not install "), failed.all());
        assertFalse(failed.out().contains("installed "), failed.all());
    }

    @Test
    void theExampleBuildsAndPassesItsTestsAgainstTheSdkAlone() {
        build.assertExit(0);
        assertTrue(TESTS_PASSED.matcher(build.out()).find(), build.out());
        assertTrue(Files.isRegularFile(pluginJar), build.out());
    }

    @Test
    void theExamplePluginDropsInAndOut() throws Exception {
        build.assertExit(0);
        Path plugins = Launcher.copyOfBundledPlugins(work.resolve("host"));
        Files.copy(pluginJar, plugins.resolve(pluginJar.getFileName()));
        Path folder = work.resolve("host");
        Files.writeString(folder.resolve("dropout.yaml"), Launcher.TINY_PIPELINE + "augment:\n  - {type: feature-dropout, rate: 0.2}\n");

        Launcher.run(folder, "plugins", "--plugins", plugins.toString())
                .assertOutContains("feature-dropout 1.0.0 (Example Inc.)").assertOutContains("  augment: feature-dropout");
        Launcher.run(folder, "run", "dropout.yaml", "--plugins", plugins.toString(), "--runs", "runs").assertExit(0);

        Files.delete(plugins.resolve(pluginJar.getFileName()));
        assertFalse(Launcher.run(folder, "plugins", "--plugins", plugins.toString()).out().contains("feature-dropout"));
        Launcher.run(folder, "run", "dropout.yaml", "--plugins", plugins.toString(), "--runs", "runs")
                .assertExit(2).assertErrContains("augment[0].type: unknown augmenter \"feature-dropout\"; known: ");
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
