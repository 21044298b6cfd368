package dev.fulcrum.testkit;

import com.google.inject.Key;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.PluginInfo;
import dev.fulcrum.core.host.PluginProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host on real jars, compiled here with PF4J's annotation processor as a plugin build would. */
class FulcrumHostTest {

    @TempDir
    Path work;

    @Test
    void eachPluginGetsItsOwnInjectorAndItsOwnLibraries() {
        Path one = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        Path two = TestPlugins.greeter(work, "greeter-two", "echo-two", "2.0");
        try (TestHost host = TestHost.withJars(List.of(one, two))) {
            assertEquals(List.of(), host.host().problems());
            assertEquals(List.of("echo-one", "echo-two"), host.host().catalog().types(Family.AUGMENT));
            var first = host.host().catalog().find(Family.AUGMENT, "echo-one").orElseThrow().factory();
            var second = host.host().catalog().find(Family.AUGMENT, "echo-two").orElseThrow().factory();
            assertInstanceOf(AugmenterFactory.class, first);
            assertEquals("hello from greeter-one, logger greeter-one, lib 1.0", first.description());
            assertEquals("hello from greeter-two, logger greeter-two, lib 2.0", second.description());
            assertTrue(first.getClass().getClassLoader() instanceof PluginClassLoader);
        }
    }

    @Test
    void noPluginClassIsBoundInTheRootInjector() {
        Path one = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        try (TestHost host = TestHost.withJars(List.of(one))) {
            for (Key<?> key : host.host().injector().getAllBindings().keySet()) {
                assertFalse(key.getTypeLiteral().getRawType().getClassLoader() instanceof PluginClassLoader, key.toString());
            }
        }
    }

    @Test
    void pluginInfoCarriesManifestAndJarHash() throws Exception {
        Path one = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        try (TestHost host = TestHost.withJars(List.of(one))) {
            PluginInfo info = host.host().plugin("greeter-one");
            assertEquals("1.0.0", info.version());
            assertEquals(">=0.1.0", info.requires());
            assertEquals(Map.of(Family.AUGMENT, List.of("echo-one")), info.types());
            String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(one)));
            assertEquals(expected, info.sha256());
        }
    }

    @Test
    void brokenJarsAreNamedAndSkippedWhileTheRestLoads() throws Exception {
        Path good = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        Path broken = Files.createDirectories(work.resolve("broken"));
        List<Path> jars = List.of(good,
                PluginJars.truncated(good, broken.resolve("corrupt.jar")),
                PluginJars.pack(broken.resolve("no-manifest.jar"), null, Files.createDirectories(work.resolve("empty"))),
                PluginJars.without(TestPlugins.greeter(broken, "no-index", "x", "1"), broken.resolve("no-index-plugin.jar"),
                        "META-INF/extensions.idx"),
                PluginJars.requiring(TestPlugins.greeter(broken, "future", "y", "1"), broken.resolve("future-plugin.jar"), ">=99.0.0"),
                TestPlugins.explosive(broken));
        try (TestHost host = TestHost.withJars(jars)) {
            assertEquals(List.of("echo-one"), host.host().catalog().types(Family.AUGMENT));
            assertEquals(List.of(), host.host().catalog().types(Family.REPORT));
            Map<String, String> problems = new java.util.TreeMap<>();
            for (PluginProblem problem : host.host().problems()) {
                problems.put(problem.source(), problem.problem());
            }
            assertEquals(List.of("corrupt.jar", "explosive", "future-plugin.jar", "no-index-plugin.jar", "no-manifest.jar"),
                    List.copyOf(problems.keySet()));
            assertTrue(problems.get("corrupt.jar").startsWith("not a readable jar (corrupt or truncated)"), problems.toString());
            assertEquals("not a plugin: META-INF/MANIFEST.MF has no Plugin-Id", problems.get("no-manifest.jar"));
            assertTrue(problems.get("no-index-plugin.jar").startsWith("no extension index (META-INF/extensions.idx)"));
            assertEquals("requires Fulcrum >=99.0.0, this is Fulcrum 0.1.0", problems.get("future-plugin.jar"));
            assertTrue(problems.get("explosive").contains("boom in constructor"), problems.get("explosive"));
        }
    }

    @Test
    void aTypeProvidedTwiceKeepsTheFirstAndReportsTheSecond() {
        Path one = TestPlugins.greeter(work, "greeter-one", "echo", "1.0");
        Path two = TestPlugins.greeter(work, "greeter-two", "echo", "2.0");
        try (TestHost host = TestHost.withJars(List.of(one, two))) {
            assertEquals("greeter-one", host.host().catalog().find(Family.AUGMENT, "echo").orElseThrow().pluginId());
            assertEquals(List.of(new PluginProblem("greeter-two",
                    "augmenter type \"echo\" is already provided by plugin greeter-one; this one is ignored")), host.host().problems());
        }
    }

    @Test
    void droppingInAndRemovingAJarChangesWhatTheHostOffers() throws Exception {
        Path one = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        try (TestHost host = TestHost.withJars(List.of())) {
            assertEquals(List.of(), host.host().catalog().types(Family.AUGMENT));
            Files.copy(one, host.pluginsFolder().resolve("greeter-one.jar"));
            host.restart();
            assertEquals(List.of("echo-one"), host.host().catalog().types(Family.AUGMENT));
            Files.delete(host.pluginsFolder().resolve("greeter-one.jar"));
            host.restart();
            assertEquals(List.of(), host.host().catalog().types(Family.AUGMENT));
        }
    }

    @Test
    void unloadingAPluginRemovesItsTypesAndClosesItsClassLoader() {
        Path one = TestPlugins.greeter(work, "greeter-one", "echo-one", "1.0");
        try (TestHost host = TestHost.withJars(List.of(one))) {
            ClassLoader loader = host.host().catalog().find(Family.AUGMENT, "echo-one").orElseThrow().factory().getClass().getClassLoader();
            host.host().unload("greeter-one");
            assertEquals(List.of(), host.host().catalog().types(Family.AUGMENT));
            assertTrue(((PluginClassLoader) loader).isClosed());
        }
    }

    @Test
    void aMissingPluginsFolderIsAProblemNotACrash() {
        try (TestHost host = TestHost.withJars(List.of())) {
            var missing = dev.fulcrum.core.host.FulcrumHost.start(host.root().resolve("nowhere"), host.root().resolve("data"));
            assertEquals("plugins folder does not exist", missing.problems().get(0).problem());
            missing.close();
        }
    }
}
