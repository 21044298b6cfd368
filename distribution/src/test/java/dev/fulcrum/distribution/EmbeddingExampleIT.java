package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's path with the distribution alone: {@code sdk/install}, {@code mvn package} of a copy of
 * examples/embedding, and its plain Java program predicting with the quickstart's model, on
 * fulcrum-runtime, an ND4J backend and the jars of the standardize and coral plugins: no host, no plugin manager.
 */
class EmbeddingExampleIT {

    @TempDir
    static Path work;

    private static String pluginJar(String plugin) {
        return Launcher.DISTRIBUTION.resolve("plugins/fulcrum-plugin-" + plugin + "-" + System.getProperty("fulcrum.version") + ".jar").toString();
    }

    @Test
    void theEmbeddedModelPredictsExactlyWhatFulcrumPredictWrites() throws Exception {
        Path run = PredictIT.quickstartIn(work).folder();
        Path rows = PredictIT.randomRows(work.resolve("rows.csv"), 300, 5);
        Launcher.run(work, "predict", run.toString(), "--data", rows.toString(), "--out", "launcher.csv").assertExit(0);

        IsolatedMaven maven = IsolatedMaven.in(work.resolve("maven"));
        maven.script(work, Launcher.DISTRIBUTION.resolve("sdk/install")).assertExit(0);
        Path project = Launcher.copyOfExample("embedding", work.resolve("embedding"));
        CliResult build = maven.mvn(project, "package");
        build.assertExit(0);
        String classpath = String.join(java.io.File.pathSeparator, project.resolve("target/classes").toString(),
                Files.readString(project.resolve("target/classpath.txt")).trim(),
                pluginJar("standardize"), pluginJar("coral"));
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "com.example.fulcrum.embedding.PredictRows", run.toString(), rows.toString(), "embedded.csv").directory(work.toFile());
        java.environment().put("OMP_NUM_THREADS", "1");
        CliResult embedded = ChildProcess.run(java, Duration.ofMinutes(2));
        embedded.assertExit(0).assertOutContains("300 rows predicted in ");

        List<String> expected = Files.readAllLines(work.resolve("launcher.csv"));
        assertEquals(301, expected.size());
        List<String> actual = Files.readAllLines(work.resolve("embedded.csv"));
        assertEquals(expected.get(0), actual.get(0));
        // The same ids and decided classes; the probabilities agree to float rounding only, since the launcher's JVM
        // (its thread settings for ND4J's native code) and this plain one sum in different orders.
        for (int line = 1; line < expected.size(); line++) {
            String[] launcher = expected.get(line).split(",");
            String[] service = actual.get(line).split(",");
            assertEquals(launcher.length, service.length, actual.get(line));
            for (int field = 0; field < launcher.length; field++) {
                if (field == 0 || field == 1 || field == 4) {
                    assertEquals(launcher[field], service[field], "line " + line + ": " + actual.get(line));
                } else {
                    assertEquals(Float.parseFloat(launcher[field]), Float.parseFloat(service[field]), 1e-6f, "line " + line);
                }
            }
        }
        assertTrue(classpath.contains("fulcrum-runtime-") && !classpath.contains("fulcrum-core"), classpath);
    }
}
