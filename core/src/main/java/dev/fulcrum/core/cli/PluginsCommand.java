package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.host.LockPolicy;
import dev.fulcrum.core.host.PluginInfo;
import dev.fulcrum.core.host.PluginLock;
import dev.fulcrum.core.host.PluginProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

@Command(name = "plugins", description = "List every plugin, its version and its types by family; --lock pins them.")
final class PluginsCommand extends HostCommand {

    @Option(names = "--lock", description = "Pin every plugin jar of the folder by its SHA-256 in " + PluginLock.FILE_NAME
            + "; from then on every command refuses a jar that is not pinned or whose hash differs.")
    boolean lock;

    @Override
    public Integer call() {
        if (lock) {
            return pin();
        }
        PrintWriter out = out();
        try (FulcrumHost host = options.startHost(err(), options.lockPolicy())) {
            out.println("Fulcrum " + FulcrumVersion.fulcrum() + ", plugins in " + host.pluginsFolder().toAbsolutePath());
            out.println(host.lock().map(l -> "Plugin lock: " + l.file().toAbsolutePath() + " (" + l.entries().size()
                    + " pinned, sha256 " + l.sha256() + ")").orElse("Plugin lock: none"));
            for (PluginInfo plugin : host.plugins()) {
                out.println();
                out.println(plugin.id() + " " + plugin.version() + (plugin.provider() == null ? "" : " (" + plugin.provider() + ")")
                        + "  " + plugin.jar().getFileName());
                if (plugin.description() != null && !plugin.description().isBlank()) {
                    out.println("  " + plugin.description());
                }
                plugin.types().forEach((family, types) -> out.println("  " + family.key() + ": " + String.join(", ", types)));
            }
            out.println();
            out.println("Types by family:");
            for (Family family : Family.values()) {
                List<String> types = host.catalog().types(family);
                out.println("  " + family.key() + ": " + (types.isEmpty() ? "(none)" : String.join(", ", types)));
            }
            list(out, "Skipped:", host.problems().stream().filter(p -> !p.blocking()).toList());
            list(out, "Refused by the plugin lock:", ofKind(host, PluginProblem.Kind.REFUSED));
            list(out, "Failed:", ofKind(host, PluginProblem.Kind.FAILED));
            out.flush();
            if (!host.blockingProblems().isEmpty()) {
                throw HostOptions.unusable(host.blockingProblems());
            }
        }
        return ExitCodes.OK;
    }

    private static List<PluginProblem> ofKind(FulcrumHost host, PluginProblem.Kind kind) {
        return host.problems().stream().filter(p -> p.kind() == kind).toList();
    }

    private static void list(PrintWriter out, String heading, List<PluginProblem> problems) {
        if (!problems.isEmpty()) {
            out.println();
            out.println(heading);
            problems.forEach(problem -> out.println("  " + problem));
        }
    }

    /** Writes the lock of the folder as it is now: every jar must be a plugin that loads, or the lock would refuse it at once. */
    private int pin() {
        if (options.locked) {
            throw new InvalidInputException("--lock pins the plugins folder afresh, --locked checks it against its lock: give one of them");
        }
        if (!java.nio.file.Files.isDirectory(options.pluginsFolder())) {
            throw new InvalidInputException("cannot pin: there is no plugins folder " + options.pluginsFolder().toAbsolutePath());
        }
        try (FulcrumHost host = options.startHost(err(), LockPolicy.IGNORED)) {
            List<String> unpinnable = new ArrayList<>(host.jarFiles());
            host.plugins().forEach(plugin -> unpinnable.remove(plugin.jar().getFileName().toString()));
            if (!unpinnable.isEmpty()) {
                throw new InvalidInputException("cannot pin " + host.pluginsFolder().toAbsolutePath() + ": " + String.join(", ", unpinnable)
                        + (unpinnable.size() == 1 ? " is not a plugin that loads" : " are not plugins that load")
                        + "; fix or remove " + (unpinnable.size() == 1 ? "it" : "them") + " first (nothing was written):"
                        + host.problems().stream().map(problem -> "\n  " + problem).collect(Collectors.joining()));
            }
            PluginLock written = PluginLock.write(host.pluginsFolder(), host.plugins());
            PrintWriter out = out();
            out.println("pinned " + written.entries().size() + " plugin" + (written.entries().size() == 1 ? "" : "s") + " in "
                    + written.file().toAbsolutePath() + " (sha256 " + written.sha256() + "):");
            for (PluginLock.Entry entry : written.entries()) {
                out.println("  " + entry.id() + " " + entry.version() + "  " + entry.file() + "  " + entry.sha256());
            }
        }
        return ExitCodes.OK;
    }
}
