package dev.fulcrum.testkit;

import dev.fulcrum.core.host.PluginProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A plugin whose own code throws stops the command with exit 2 and one line naming the plugin and its jar. */
class PluginFailureTest {

    private static final String PIPELINE = """
            name: failing
            data:
              specific: {type: failing}
            model: {type: mlp}
            strategy: {type: supervised}
            """;

    @TempDir
    Path work;

    @Test
    void aPluginThatThrowsInStartFailsTheRunNamingItAndItsJar() {
        Path starter = TestPlugins.marked(work, "starter", work.resolve("marker.txt"), "boom in start");
        Path other = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        try (TestHost host = TestHost.withJars(List.of(starter, other))) {
            String problem = "starter: did not start (FAILED) from starter.jar: java.lang.IllegalStateException: boom in start";
            assertEquals(List.of(PluginProblem.Kind.FAILED), host.host().problems().stream().map(PluginProblem::kind).toList());
            assertEquals(problem, host.host().problems().get(0).toString());
            CliResult run = host.cli("run", host.writeFile("p.yaml", PIPELINE).toString()).assertExit(2);
            assertEquals("error: plugin " + problem + "\n", run.err());
            host.cli("plugins").assertExit(2).assertOutContains("Failed:\n  " + problem)
                    .assertOutContains("greeter-one 1.0.0 (tests)  greeter-one.jar");
            assertFalse(Files.exists(host.runsFolder()));
        }
    }

    @Test
    void aPluginWhoseFactoryCannotBeMadeFailsTheRunNamingItAndItsJar() {
        try (TestHost host = TestHost.withJars(List.of(TestPlugins.explosive(work)))) {
            CliResult run = host.cli("run", host.writeFile("p.yaml", PIPELINE).toString()).assertExit(2);
            assertEquals("error: plugin explosive: its factories cannot be created (explosive.jar): "
                    + "java.lang.IllegalStateException: boom in constructor\n", run.err());
        }
    }

    @Test
    void aFactoryThatThrowsWhenMakingItsComponentFailsNamingThePluginJarAndConfigLine() {
        try (TestHost host = TestHost.withJars(List.of(TestPlugins.failingSource(work)))) {
            Path pipeline = host.writeFile("p.yaml", PIPELINE);
            String error = "error: " + pipeline + ":3: data.specific: plugin failing-source (failing-source.jar) failed making its"
                    + " data source \"failing\": java.lang.IllegalStateException: boom in create\n";
            assertEquals(error, host.cli("validate", pipeline.toString()).assertExit(2).err());
            assertEquals(error, host.cli("run", pipeline.toString()).assertExit(2).err());
            assertFalse(Files.exists(host.runsFolder()));
        }
    }
}
