package dev.fulcrum.core.cli;

import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.host.PluginInfo;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "plugins", description = "List every plugin, its version and its types by family.")
final class PluginsCommand extends HostCommand {

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (FulcrumHost host = startHost()) {
            out.println("Fulcrum " + FulcrumVersion.fulcrum() + ", plugins in " + host.pluginsFolder().toAbsolutePath());
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
            if (!host.problems().isEmpty()) {
                out.println();
                out.println("Skipped:");
                host.problems().forEach(problem -> out.println("  " + problem));
            }
        }
        return ExitCodes.OK;
    }
}
