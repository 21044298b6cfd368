package dev.fulcrum.testkit;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.FulcrumHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Loading and unloading a plugin leaves nothing that holds its class loader: a long-lived host does not grow. */
class PluginClassLoaderLeakTest {

    private static final int CYCLES = 50;
    private static final long COLLECT_WITHIN_NANOS = 30_000_000_000L;

    @TempDir
    Path work;

    @Test
    void loadingAndUnloadingAPlugin50TimesLeavesNoClassLoaderBehind() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        TestPlugins.greeter(plugins, "greeter-one", "echo-one", "1.0");
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            try (FulcrumHost host = FulcrumHost.start(plugins, work.resolve("plugin-data"))) {
                var factory = host.catalog().find(Family.AUGMENT, "echo-one").orElseThrow().factory();
                // Made by the plugin's own injector, with its own logger and library: the plugin's code ran.
                assertEquals("hello from greeter-one, logger greeter-one, lib 1.0", factory.description());
                loaders.add(new WeakReference<>(factory.getClass().getClassLoader()));
                host.unload("greeter-one");
            }
        }
        long deadline = System.nanoTime() + COLLECT_WITHIN_NANOS;
        while (alive(loaders) > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(0, alive(loaders), "class loaders still reachable after " + CYCLES + " load/unload cycles");
    }

    private static long alive(List<WeakReference<ClassLoader>> loaders) {
        return loaders.stream().filter(ref -> ref.get() != null).count();
    }
}
