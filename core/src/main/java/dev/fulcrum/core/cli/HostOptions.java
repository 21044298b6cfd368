package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.host.LockPolicy;
import dev.fulcrum.core.host.PluginLock;
import dev.fulcrum.core.host.PluginProblem;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Options every command shares: where plugins and runs live, and whether the plugin lock must exist. */
final class HostOptions {

    /** Set by {@code bin/fulcrum} to the distribution folder. */
    static final String HOME_PROPERTY = "fulcrum.home";

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of plugin jars (default: the distribution's plugins/ folder).")
    Path plugins;

    @Option(names = "--runs", paramLabel = "DIR",
            description = "Folder that receives run folders (default: ./runs).")
    Path runs;

    @Option(names = "--locked",
            description = "Refuse to start unless the plugins folder has a " + PluginLock.FILE_NAME
                    + " (written by 'fulcrum plugins --lock'); a lock that exists is checked with or without this option.")
    boolean locked;

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

    LockPolicy lockPolicy() {
        return locked ? LockPolicy.REQUIRED : LockPolicy.IF_PRESENT;
    }

    /**
     * Starts a host, telling the user about every plugin it skipped, and stops (exit 2) when the plugin
     * lock refused a jar or a plugin's code failed: the plugins are then not the set the user pinned or expects.
     */
    FulcrumHost startHost(PrintWriter err) {
        FulcrumHost host = startHost(err, lockPolicy());
        List<PluginProblem> blocking = host.blockingProblems();
        if (!blocking.isEmpty()) {
            host.close();
            throw unusable(blocking);
        }
        return host;
    }

    /** Starts a host as {@code policy} says, warning about every plugin it skipped; blocking problems are the caller's. */
    FulcrumHost startHost(PrintWriter err, LockPolicy policy) {
        Path folder = pluginsFolder();
        FulcrumHost host = FulcrumHost.start(folder, folder.toAbsolutePath().getParent().resolve("plugin-data"), policy);
        for (PluginProblem problem : host.problems()) {
            if (!problem.blocking()) {
                err.println("warning: skipped plugin " + problem);
            }
        }
        err.flush();
        return host;
    }

    /** The error for plugins that stop a command: one line for one plugin, a line each for several. */
    static InvalidInputException unusable(List<PluginProblem> blocking) {
        if (blocking.size() == 1) {
            return new InvalidInputException("plugin " + blocking.get(0));
        }
        return new InvalidInputException(blocking.size() + " plugins cannot be used:"
                + blocking.stream().map(problem -> "\n  " + problem).collect(Collectors.joining()));
    }
}
