package dev.fulcrum.core.cli;

import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.host.PluginProblem;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Options every command shares: where plugins and runs live. */
final class HostOptions {

    /** Set by {@code bin/fulcrum} to the distribution folder. */
    static final String HOME_PROPERTY = "fulcrum.home";

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of plugin jars (default: the distribution's plugins/ folder).")
    Path plugins;

    @Option(names = "--runs", paramLabel = "DIR",
            description = "Folder that receives run folders (default: ./runs).")
    Path runs;

    Path pluginsFolder() {
        if (plugins != null) {
            return plugins;
        }
        String home = System.getProperty(HOME_PROPERTY);
        return home == null ? Path.of("plugins") : Path.of(home, "plugins");
    }

    Path runsFolder() {
        return runs != null ? runs : Path.of("runs");
    }

    /** Starts a host, telling the user about every plugin it skipped. */
    FulcrumHost startHost(PrintWriter err) {
        Path folder = pluginsFolder();
        FulcrumHost host = FulcrumHost.start(folder, folder.toAbsolutePath().getParent().resolve("plugin-data"));
        for (PluginProblem problem : host.problems()) {
            err.println("warning: skipped plugin " + problem);
        }
        err.flush();
        return host;
    }
}
