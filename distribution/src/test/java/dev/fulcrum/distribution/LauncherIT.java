package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.PluginJars;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The distribution as a user gets it: the real launcher script, its plugins folder, its examples. */
class LauncherIT {

    @TempDir
    Path work;

    @Test
    void pluginsListsTypesOfEveryFamily() throws Exception {
        CliResult result = Launcher.run(work, "plugins").assertExit(0);
        for (Family family : Family.values()) {
            String line = result.out().lines().filter(l -> l.startsWith("  " + family.key() + ": ")).reduce((a, b) -> b).orElse("");
            assertFalse(line.isEmpty() || line.endsWith("(none)"), "no " + family.key() + " types:\n" + result.out());
        }
        assertEquals("", result.err(), "a clean distribution skips no plugin");
    }

    @Test
    void theQuickstartRunsAndWritesTheRunFolder() throws Exception {
        CliResult result = Launcher.run(work, "run", Launcher.EXAMPLES.resolve("quickstart.yaml").toString(), "--runs", "runs")
                .assertExit(0).assertOutContains("test: specific accuracy");
        RunRecord run = RunRecord.latestIn(work.resolve("runs"));
        assertEquals(List.of("config.yaml", "metrics.jsonl", "model.zip", "provenance.json", "report.html", "report.json",
                "summary.json"), run.files());
        assertEquals("succeeded", run.status());
        String page = Files.readString(run.folder().resolve("report.html"));
        assertTrue(page.contains("data-value=\"" + run.summary().at("/balance/specific").asText() + "\""),
                "report.html lacks the specific test accuracy of summary.json");
        String balance = run.summary().get("balance").toString();
        assertTrue(run.number("balance", "specific") > 0.7, balance);
        assertTrue(run.number("balance", "general") > 0.5, balance);
        assertTrue(run.number("timing", "total_seconds") < 60, run.summary().get("timing").toString());
        assertEquals("1", run.provenance().at("/threads/OMP_NUM_THREADS").asText(), result.all());
        assertTrue(run.provenance().get("plugins_lock").isNull(), "a folder without plugins.lock records none");
        boolean avx512 = cpuFlags().containsAll(List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"));
        JsonNode loaded = run.provenance().get("native");
        assertEquals(avx512 ? "nd4j-native linux-x86_64-avx512" : "nd4j-native linux-x86_64", loaded.get("build").asText(), loaded.toString());
        assertEquals(avx512 ? 3 : 0, loaded.get("binary_level").asInt(), "libnd4j's own report of the build it runs: " + loaded);
        assertEquals("0", loaded.get("javacpp_max_physical_bytes").asText(), loaded.toString());
        assertEquals(loaded, run.summary().at("/resources/machine/native"));
    }

    private static List<String> cpuFlags() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("flags")).findFirst()
                .map(line -> List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))).orElse(List.of());
    }

    @Test
    void brokenJarsAreNamedSkippedAndTheRestStillRuns() throws Exception {
        Path plugins = Launcher.copyOfBundledPlugins(work);
        Path good = Launcher.pluginJars().get(0);
        PluginJars.truncated(good, plugins.resolve("truncated.jar"));
        PluginJars.pack(plugins.resolve("not-a-plugin.jar"), null, Files.createDirectories(work.resolve("empty")));
        PluginJars.without(good, plugins.resolve("no-index.jar"), "META-INF/extensions.idx");
        PluginJars.requiring(good, plugins.resolve("from-the-future.jar"), ">=9.0.0");
        CliResult listing = Launcher.run(work, "plugins", "--plugins", plugins.toString()).assertExit(0);
        for (String jar : List.of("truncated.jar", "not-a-plugin.jar", "no-index.jar", "from-the-future.jar")) {
            assertTrue(listing.err().contains("warning: skipped plugin " + jar + ": "), listing.all());
        }
        assertTrue(listing.out().contains("from-the-future.jar: requires Fulcrum >=9.0.0, this is Fulcrum 0.1.0"), listing.out());
        Files.writeString(work.resolve("tiny.yaml"), Launcher.TINY_PIPELINE);
        Launcher.run(work, "run", "tiny.yaml", "--plugins", plugins.toString(), "--runs", "runs")
                .assertExit(0).assertErrContains("warning: skipped plugin truncated.jar");
    }
}
