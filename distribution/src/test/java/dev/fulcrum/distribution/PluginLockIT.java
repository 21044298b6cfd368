package dev.fulcrum.distribution;

import dev.fulcrum.core.run.Digests;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.PluginJars;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin lock through the real launcher, on a copy of the bundled plugins folder. */
class PluginLockIT {

    @TempDir
    Path work;

    @Test
    void aPinnedFolderRunsRecordingItsLockAndAChangedJarStopsTheRunBeforeAnything() throws Exception {
        Path plugins = Launcher.copyOfBundledPlugins(work);
        Path lock = plugins.resolve("plugins.lock");
        CliResult pinned = Launcher.run(work, "plugins", "--lock", "--plugins", plugins.toString()).assertExit(0);
        int jars = Launcher.pluginJars().size();
        assertTrue(pinned.out().startsWith("pinned " + jars + " plugins in " + lock.toAbsolutePath() + " (sha256 "
                + Digests.sha256(lock) + "):\n"), pinned.all());
        assertEquals(jars + 3, Files.readAllLines(lock).size(), "a comment, the format line, the header and a line per jar");

        Files.writeString(work.resolve("tiny.yaml"), Launcher.TINY_PIPELINE);
        RunRecord run = Launcher.runPipeline(work, work.resolve("tiny.yaml"), "runs", "--plugins", plugins.toString(), "--locked");
        assertEquals(lock.toAbsolutePath().normalize().toString(), run.provenance().at("/plugins_lock/path").asText());
        assertEquals(Digests.sha256(lock), run.provenance().at("/plugins_lock/sha256").asText());

        Path mlp = Launcher.pluginJars().stream().filter(j -> j.getFileName().toString().startsWith("fulcrum-plugin-mlp-"))
                .findFirst().orElseThrow();
        Path changed = plugins.resolve(mlp.getFileName());
        String actual = Digests.sha256(PluginJars.withByteFlipped(mlp, changed, (int) Files.size(mlp) / 2));
        CliResult refused = Launcher.run(work, "run", "tiny.yaml", "--plugins", plugins.toString(), "--runs", "refused").assertExit(2);
        assertEquals("error: plugin " + changed.getFileName() + ": SHA-256 differs from the plugin lock " + lock
                + " (pinned as mlp 0.1.0): expected " + Digests.sha256(mlp) + ", actual " + actual + "\n", refused.err());
        assertFalse(Files.exists(work.resolve("refused")), "a refused run made its runs folder");
        Launcher.run(work, "plugins", "--plugins", plugins.toString()).assertExit(2)
                .assertOutContains("Refused by the plugin lock:\n  " + changed.getFileName() + ": SHA-256 differs");
    }
}
