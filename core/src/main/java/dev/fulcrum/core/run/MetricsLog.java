package dev.fulcrum.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.jsonl}: one JSON object per epoch and split. The file is rewritten atomically on
 * each append, so it always holds whole lines.
 */
public final class MetricsLog {

    public static final String FILE = "metrics.jsonl";

    private final RunFolder folder;
    private final List<String> lines = new ArrayList<>();

    public MetricsLog(RunFolder folder) {
        this.folder = folder;
    }

    public synchronized void append(ObjectNode entry) {
        lines.add(Json.line(entry));
        rewrite();
    }

    /** Replaces every line with those a checkpoint saved, for a resumed run. */
    public synchronized void replaceWith(List<String> saved) {
        lines.clear();
        lines.addAll(saved);
        rewrite();
    }

    private void rewrite() {
        folder.writeText(FILE, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
