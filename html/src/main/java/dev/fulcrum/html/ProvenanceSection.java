package dev.fulcrum.html;

import gg.jte.Content;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the run came from ({@code provenance.json}): each plugin with its version, jar and SHA-256 (table
 * {@code provenance-plugins}), each data file read with its SHA-256 and size ({@code provenance-data}), and the
 * platform: libraries, JVM, OS, thread settings and the matrix-product check ({@code provenance-platform}).
 */
public final class ProvenanceSection implements ReportSection {

    /** Records with tables of their own. */
    private static final List<String> LISTED = List.of("plugins", "data_files");

    @Override
    public String id() {
        return "provenance";
    }

    @Override
    public String title() {
        return "Provenance";
    }

    @Override
    public boolean applies(RunView run) {
        return run.provenance().isObject();
    }

    @Override
    public Content render(RunView run) {
        JsonValue provenance = run.provenance();
        List<List<Table.Cell>> plugins = new ArrayList<>();
        for (JsonValue plugin : provenance.get("plugins").elements()) {
            plugins.add(List.of(Table.Cell.label(plugin.get("id").textOr("?")),
                    Table.Cell.label(plugin.get("version").textOr("?")), Table.Cell.label(plugin.get("jar").textOr("?")),
                    new Table.Cell(plugin.get("sha256").textOr("?"), null, "label hash")));
        }
        List<List<Table.Cell>> files = new ArrayList<>();
        for (JsonValue file : provenance.get("data_files").elements()) {
            files.add(List.of(Table.Cell.label(file.get("path").textOr("?")),
                    new Table.Cell(file.get("sha256").textOr("?"), null, "label hash"), Table.Cell.plain(file.get("bytes"))));
        }
        Table platform = Table.keyValues("provenance-platform", "record", provenance.without(LISTED));
        return Templates.content("provenance.jte", new View(
                new Table("provenance-plugins", List.of("plugin", "version", "jar", "SHA-256"), plugins),
                new Table("provenance-data", List.of("data file", "SHA-256", "bytes"), files), platform));
    }

    record View(Table plugins, Table dataFiles, Table platform) {
    }
}
