package dev.fulcrum.testkit;

import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.host.PluginLock;
import dev.fulcrum.core.host.PluginProblem;
import dev.fulcrum.core.run.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fulcrum plugins --lock} and the host's check of every jar against {@code plugins.lock}, on real jars. */
class PluginLockTest {

    /** Any pipeline: the lock stops a command before its components are looked up. */
    private static final String PIPELINE = """
            name: locked
            data:
              specific: {type: synthetic}
            model: {type: mlp}
            strategy: {type: supervised}
            """;

    @TempDir
    Path work;

    @Test
    void theLockPinsEveryPluginSortedByIdAndTheHostLoadsThePinnedFolder() throws Exception {
        // File names sort the other way round from the ids: the lock is sorted by id.
        Path zulu = Files.move(TestPlugins.greeter(work, "alpha", "echo-a", "1.0"), work.resolve("zulu.jar"));
        Path beta = TestPlugins.greeter(work, "beta", "echo-b", "2.0");
        try (TestHost host = TestHost.withJars(List.of(zulu, beta))) {
            Path lockFile = host.pluginsFolder().resolve("plugins.lock");
            CliResult pinned = host.cli("plugins", "--lock").assertExit(0);
            String text = Files.readString(lockFile);
            assertEquals(List.of("format\t1", "id\tversion\tfile\tsha256",
                    "alpha\t1.0.0\tzulu.jar\t" + Digests.sha256(zulu),
                    "beta\t1.0.0\tbeta.jar\t" + Digests.sha256(beta)), text.lines().filter(l -> !l.startsWith("#")).toList());
            assertEquals("pinned 2 plugins in " + lockFile.toAbsolutePath() + " (sha256 " + Digests.sha256(lockFile) + "):\n"
                    + "  alpha 1.0.0  zulu.jar  " + Digests.sha256(zulu) + "\n"
                    + "  beta 1.0.0  beta.jar  " + Digests.sha256(beta) + "\n", pinned.out());
            try (var files = Files.list(host.pluginsFolder())) {
                assertEquals(List.of("beta.jar", "plugins.lock", "zulu.jar"),
                        files.map(f -> f.getFileName().toString()).sorted().toList(), "the atomic write leaves only the lock");
            }

            host.cli("plugins", "--lock").assertExit(0);
            assertEquals(text, Files.readString(lockFile), "the same plugins give the same bytes");

            host.restart();
            assertEquals(List.of(), host.host().problems());
            assertEquals(List.of("alpha", "beta"), host.host().plugins().stream().map(p -> p.id()).toList());
            PluginLock lock = host.host().lock().orElseThrow();
            assertEquals(Digests.sha256(lockFile), lock.sha256());
            assertEquals(List.of(new PluginLock.Entry("alpha", "1.0.0", "zulu.jar", Digests.sha256(zulu)),
                    new PluginLock.Entry("beta", "1.0.0", "beta.jar", Digests.sha256(beta))), lock.entries());
            host.cli("plugins", "--locked").assertExit(0).assertOutContains("Plugin lock: " + lockFile.toAbsolutePath() + " (2 pinned, sha256 ");
        }
    }

    @Test
    void aFlippedByteAnywhereInAPinnedJarIsRefusedBeforeAnyOfItsClassesLoad() throws Exception {
        long seed = 15_3L;
        Path marker = work.resolve("classes-loaded.txt");
        Path jar = TestPlugins.marked(work, "marked", marker, null);
        JarRegions regions = JarRegions.of(jar, "test/marked/Factory.class");
        Random random = new Random(seed);
        TreeSet<Integer> offsets = new TreeSet<>();
        while (offsets.size() < 3) {
            offsets.add(regions.entryDataStart() + random.nextInt(regions.entryDataEnd() - regions.entryDataStart()));
        }
        while (offsets.size() < 6) {
            offsets.add(regions.centralDirectoryStart() + random.nextInt(regions.centralDirectoryEnd() - regions.centralDirectoryStart()));
        }
        while (offsets.size() < 10) {
            offsets.add(random.nextInt(regions.size()));
        }
        try (TestHost host = TestHost.withJars(List.of(jar))) {
            host.cli("plugins", "--lock").assertExit(0);
            host.restart();
            // The intact pinned jar loads, and loading it leaves the marker: its absence below means something.
            assertEquals(List.of("marked"), host.host().plugins().stream().map(p -> p.id()).toList());
            assertTrue(Files.exists(marker), "the test plugin's static initialisers did not run");
            Path pipeline = host.writeFile("pipeline.yaml", PIPELINE);
            String expected = Digests.sha256(jar);
            for (int offset : offsets) {
                String where = "seed " + seed + ", byte " + offset + " of " + regions.size() + " (" + regions + ")";
                Files.deleteIfExists(marker);
                String actual = Digests.sha256(PluginJars.withByteFlipped(jar, host.pluginsFolder().resolve("marked.jar"), offset));
                String problem = "SHA-256 differs from the plugin lock " + host.pluginsFolder().resolve("plugins.lock")
                        + " (pinned as marked 1.0.0): expected " + expected + ", actual " + actual;
                host.restart();
                assertEquals(List.of(new PluginProblem("marked.jar", problem, PluginProblem.Kind.REFUSED)), host.host().problems(), where);
                assertEquals(List.of(), host.host().plugins(), where);
                host.cli("run", pipeline.toString()).assertExit(2).assertErrContains("error: plugin marked.jar: " + problem);
                assertFalse(Files.exists(marker), "a class of the refused jar loaded: " + where);
                assertFalse(Files.exists(host.runsFolder()), "a refused run left a folder: " + where);
            }
        }
    }

    @Test
    void aJarThatIsNotPinnedIsRefusedAndEveryCommandButPluginsStops() throws Exception {
        Path marker = work.resolve("classes-loaded.txt");
        Path pinned = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        try (TestHost host = TestHost.withJars(List.of(pinned))) {
            host.cli("plugins", "--lock").assertExit(0);
            Files.copy(TestPlugins.marked(work, "stranger", marker, null), host.pluginsFolder().resolve("stranger.jar"));
            Path pipeline = host.writeFile("pipeline.yaml", PIPELINE);
            String problem = "stranger.jar: not in the plugin lock " + host.pluginsFolder().resolve("plugins.lock")
                    + "; if this jar is meant to be here, pin the folder again with \"fulcrum plugins --lock\"";
            for (String command : List.of("run", "validate")) {
                host.cli(command, pipeline.toString()).assertExit(2).assertErrContains("error: plugin " + problem);
            }
            host.cli("describe", "echo-one").assertExit(2).assertErrContains("error: plugin " + problem);
            CliResult listing = host.cli("plugins").assertExit(2).assertOutContains("Refused by the plugin lock:\n  " + problem)
                    .assertOutContains("greeter-one 1.0.0 (tests)  greeter-one.jar");
            assertTrue(listing.err().contains("error: plugin " + problem), listing.all());
            assertFalse(Files.exists(marker), "a class of the unpinned jar loaded");
            assertFalse(Files.exists(host.runsFolder()));
        }
    }

    @Test
    void aPinnedJarThatIsGoneFailsTheRunAsThePinnedSetIsIncomplete() throws Exception {
        Path one = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        Path two = TestPlugins.greeter(work, "greeter-two", "echo-two", "1.0");
        try (TestHost host = TestHost.withJars(List.of(one, two))) {
            host.cli("plugins", "--lock").assertExit(0);
            Files.delete(host.pluginsFolder().resolve("greeter-two.jar"));
            host.restart();
            String problem = "pinned in the plugin lock " + host.pluginsFolder().resolve("plugins.lock")
                    + " as greeter-two 1.0.0, but the plugins folder has no such jar";
            assertEquals(List.of(new PluginProblem("greeter-two.jar", problem, PluginProblem.Kind.REFUSED)), host.host().problems());
            assertEquals(List.of("greeter-one"), host.host().plugins().stream().map(p -> p.id()).toList());
            host.cli("run", host.writeFile("pipeline.yaml", PIPELINE).toString()).assertExit(2)
                    .assertErrContains("error: plugin greeter-two.jar: " + problem);
        }
    }

    @Test
    void lockedWithoutALockStopsNamingTheExpectedPath() {
        try (TestHost host = TestHost.withJars(List.of(TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0")))) {
            String error = "error: --locked: no plugin lock at " + host.pluginsFolder().resolve("plugins.lock").toAbsolutePath()
                    + "; pin the plugins folder first with \"fulcrum plugins --lock\"";
            host.cli("plugins", "--locked").assertExit(2).assertErrContains(error);
            host.cli("run", host.writeFile("pipeline.yaml", PIPELINE).toString(), "--locked").assertExit(2).assertErrContains(error);
            assertFalse(Files.exists(host.runsFolder()));
            host.cli("plugins", "--lock", "--locked").assertExit(2).assertErrContains("give one of them");
            assertFalse(Files.exists(host.pluginsFolder().resolve("plugins.lock")));
        }
    }

    @Test
    void aFolderWithAJarThatDoesNotLoadIsNotPinned() throws Exception {
        Path good = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        Path broken = PluginJars.truncated(good, Files.createDirectories(work.resolve("broken")).resolve("truncated.jar"));
        try (TestHost host = TestHost.withJars(List.of(good, broken))) {
            host.cli("plugins", "--lock").assertExit(2)
                    .assertErrContains("error: cannot pin " + host.pluginsFolder().toAbsolutePath()
                            + ": truncated.jar is not a plugin that loads; fix or remove it first (nothing was written):\n"
                            + "  truncated.jar: not a readable jar (corrupt or truncated)");
            assertFalse(Files.exists(host.pluginsFolder().resolve("plugins.lock")));
        }
    }

    @Test
    void aMalformedLockNamesItsFileAndLine() throws Exception {
        try (TestHost host = TestHost.withJars(List.of(TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0")))) {
            host.cli("plugins", "--lock").assertExit(0);
            Path lockFile = host.pluginsFolder().resolve("plugins.lock");
            String text = Files.readString(lockFile);
            Files.writeString(lockFile, text.replaceFirst("\t[0-9a-f]{64}\n", "\tabc\n"));
            host.cli("plugins").assertExit(2).assertErrContains("error: " + lockFile + ":4: sha256 must be 64 lower-case hex digits, got \"abc\"");
            Files.writeString(lockFile, text.replace("format\t1", "format\t2"));
            host.cli("plugins").assertExit(2).assertErrContains("error: " + lockFile
                    + ":2: format 2 is not one this Fulcrum reads (1); write the lock again with \"fulcrum plugins --lock\"");
            Files.writeString(lockFile, text + text.lines().reduce((a, b) -> b).orElseThrow() + "\n");
            host.cli("plugins").assertExit(2).assertErrContains("error: " + lockFile + ":5: plugin greeter-one is pinned twice");
        }
    }

    @Test
    void withoutALockTheHostIgnoresPinningAsBefore() {
        try (TestHost host = TestHost.withJars(List.of(TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0")))) {
            assertTrue(host.host().lock().isEmpty());
            assertEquals(List.of(), host.host().problems());
            host.cli("plugins").assertExit(0).assertOutContains("Plugin lock: none");
            FulcrumHost ignoring = FulcrumHost.start(host.pluginsFolder(), host.root().resolve("data"), dev.fulcrum.core.host.LockPolicy.IGNORED);
            assertEquals(List.of("greeter-one"), ignoring.plugins().stream().map(p -> p.id()).toList());
            ignoring.close();
        }
    }
}
