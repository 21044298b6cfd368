package dev.fulcrum.spark;

import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.host.LockPolicy;
import dev.fulcrum.core.host.PluginProblem;
import dev.fulcrum.core.threads.NativeBuild;
import org.apache.spark.SparkFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Fulcrum host of an executor JVM: the plugins folder rebuilt from the files the driver shipped
 * ({@code SparkContext.addFile}), started once and kept for every trial this executor runs. A plugin
 * lock shipped with them is checked as on the driver.
 */
final class ExecutorHost {

    private static final Map<List<String>, FulcrumHost> HOSTS = new HashMap<>();

    private ExecutorHost() {
    }

    static synchronized FulcrumHost get(List<String> pluginFiles) {
        return HOSTS.computeIfAbsent(List.copyOf(pluginFiles), ExecutorHost::start);
    }

    /** The executor's folder of shipped files; absolute, since an executor of a cluster names it {@code .}. */
    static Path root() {
        return Path.of(SparkFiles.getRootDirectory()).toAbsolutePath().normalize();
    }

    private static FulcrumHost start(List<String> pluginFiles) {
        // an executor of a cluster has not loaded ND4J yet: it makes the launcher's native choices itself
        NativeBuild.choose();
        Path root = root();
        Path plugins = root.resolve("fulcrum-plugins-" + Integer.toHexString(pluginFiles.hashCode()));
        try {
            Files.createDirectories(plugins);
            for (String name : pluginFiles) {
                Files.copy(Path.of(SparkFiles.get(name)), plugins.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the shipped plugins in " + plugins, e);
        }
        FulcrumHost host = FulcrumHost.start(plugins, root.resolve("fulcrum-plugin-data"), LockPolicy.IF_PRESENT);
        List<PluginProblem> blocking = host.blockingProblems();
        if (!blocking.isEmpty()) {
            host.close();
            throw new IllegalStateException("the executor cannot use the shipped plugins: "
                    + blocking.stream().map(PluginProblem::toString).collect(Collectors.joining("; ")));
        }
        return host;
    }
}
