package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;

/**
 * The resolved pipeline: {@code config.yaml} as the run folder has it (every default filled in; {@code fulcrum run}
 * replays it), collapsed, and which plugin made each component ({@code summary.plugins}, table
 * {@code config-components}).
 */
public final class ConfigSection implements ReportSection {

    @Override
    public String id() {
        return "config";
    }

    @Override
    public String title() {
        return "Resolved config";
    }

    @Override
    public boolean applies(RunView run) {
        return run.config().isPresent();
    }

    @Override
    public Content render(RunView run) {
        List<List<Table.Cell>> components = new ArrayList<>();
        for (JsonValue component : run.summary().get("plugins").elements()) {
            components.add(List.of(Table.Cell.label(component.get("component").textOr("?")),
                    Table.Cell.label(component.get("type").textOr("?")),
                    Table.Cell.label(component.get("plugin").textOr("?"))));
        }
        return Templates.content("config.jte", new View(run.config().orElseThrow(),
                new Table("config-components", List.of("component", "type", "plugin"), components)));
    }

    record View(String yaml, Table components) {
    }
}
