package dev.fulcrum.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/** A plugins folder holding plugin jars this module depends on, taken from the class path. */
final class BenchmarkPlugins {

    private BenchmarkPlugins() {
    }

    /** @param pluginIds e.g. {@code group-fairness}: the jar {@code fulcrum-plugin-group-fairness-*.jar} */
    static Path folder(Path work, String... pluginIds) throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        for (String id : pluginIds) {
            Path jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                    .filter(p -> p.getFileName().toString().startsWith("fulcrum-plugin-" + id + "-") && p.toString().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the " + id + " plugin jar is not on the class path"));
            Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return plugins;
    }
}
