package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigException;
import dev.fulcrum.runtime.config.ConfigPath;

/**
 * {@code tune.parallel} when it names an engine that runs the trials ({@code {type: spark, master: ...}}),
 * not a count of worker processes on this machine: its type and settings, with where they are written.
 */
public record ClusterSpec(String type, ObjectNode settings, ConfigPath path, ConfigDocument document) {

    /** A setting as written, or a missing node. */
    public JsonNode setting(String key) {
        return settings.path(key);
    }

    /** An error at one of its settings, located at its file and line. */
    public ConfigException error(String key, String problem) {
        return document.error(path.child(key), problem);
    }
}
