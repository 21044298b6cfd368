package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.host.FactoryCatalog;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.host.PluginInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;

@Command(name = "describe", description = "Show a type's params, their defaults and what they mean.")
final class DescribeCommand extends HostCommand {

    @Parameters(index = "0", paramLabel = "TYPE", description = "A type name, as used after type: in a pipeline.")
    String type;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (FulcrumHost host = startHost()) {
            List<FactoryCatalog.Entry> entries = host.catalog().findAnyFamily(type);
            if (entries.isEmpty()) {
                TreeSet<String> known = new TreeSet<>();
                for (Family family : Family.values()) {
                    known.addAll(host.catalog().types(family));
                }
                throw new InvalidInputException("unknown type \"" + type + "\"; known types: " + String.join(", ", known));
            }
            for (FactoryCatalog.Entry entry : entries) {
                PluginInfo plugin = host.plugin(entry.pluginId());
                out.println(type + ": " + entry.family().noun() + " (" + entry.family().key() + "), plugin "
                        + plugin.id() + " " + plugin.version());
                out.println("  " + entry.factory().description());
                ParamsDescription params = ParamsDescription.of(entry.factory().paramsType());
                if (params.params().isEmpty()) {
                    out.println("  no params");
                    continue;
                }
                out.println("  params:");
                params.lines().forEach(out::println);
            }
        }
        return ExitCodes.OK;
    }
}
