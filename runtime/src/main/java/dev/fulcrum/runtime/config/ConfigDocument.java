package dev.fulcrum.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fulcrum.api.InvalidInputException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A pipeline config as a JSON tree that remembers where each value came from: a line of the YAML
 * file, or a {@code --set} override. Errors about any value can then say where to fix it.
 */
public final class ConfigDocument {

    public static final YAMLMapper YAML = new YAMLMapper();

    private final String sourceName;
    private final ObjectNode root;
    private final Map<String, String> origins = new HashMap<>();

    private ConfigDocument(String sourceName, ObjectNode root) {
        this.sourceName = sourceName;
        this.root = root;
    }

    /** Parses YAML text; {@code sourceName} (usually the file name) prefixes every error. */
    public static ConfigDocument parse(String text, String sourceName) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidInputException(sourceName + ": the pipeline file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidInputException(sourceName + ":" + parser.currentLocation().getLineNr()
                        + ": a pipeline must be a YAML mapping (name: ..., data: ..., model: ...)");
            }
            ConfigDocument document = new ConfigDocument(sourceName, JsonNodeFactory.instance.objectNode());
            document.origins.put("", sourceName + ":" + parser.currentLocation().getLineNr());
            document.readObject(parser, document.root, ConfigPath.ROOT);
            if (parser.nextToken() != null) {
                throw new InvalidInputException(sourceName + ":" + parser.currentLocation().getLineNr()
                        + ": only one YAML document is allowed in a pipeline file");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw syntaxError(sourceName, e);
        } catch (IOException e) {
            throw new InvalidInputException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * SnakeYAML reports where the broken construct started (its context) and where parsing failed
     * (its problem); the line to fix is the problem's.
     */
    private static InvalidInputException syntaxError(String sourceName, JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                String context = marked.getContext() == null || marked.getContextMark() == null ? ""
                        : " (" + marked.getContext() + " started on line " + (marked.getContextMark().getLine() + 1) + ")";
                return new InvalidInputException(sourceName + ":" + (marked.getProblemMark().getLine() + 1)
                        + ": YAML syntax error: " + marked.getProblem() + context, e);
            }
        }
        return new InvalidInputException(sourceName + ":" + e.getLocation().getLineNr() + ": YAML syntax error: "
                + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }

    private void readObject(JsonParser parser, ObjectNode target, ConfigPath path) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            ConfigPath child = path.child(name);
            int line = parser.currentLocation().getLineNr();
            if (target.has(name)) {
                throw new ConfigException(sourceName + ":" + line, child, "duplicate key");
            }
            origins.put(child.pointer(), sourceName + ":" + line);
            parser.nextToken();
            target.set(name, readValue(parser, child));
        }
    }

    private JsonNode readValue(JsonParser parser, ConfigPath path) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                readObject(parser, node, path);
                return node;
            }
            case START_ARRAY -> {
                ArrayNode node = JsonNodeFactory.instance.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    ConfigPath child = path.child(index++);
                    origins.put(child.pointer(), sourceName + ":" + parser.currentLocation().getLineNr());
                    node.add(readValue(parser, child));
                }
                return node;
            }
            default -> {
                return parser.readValueAsTree();
            }
        }
    }

    /** An independent copy, to change (with a trial's values, say) while this one stays as it is. */
    public ConfigDocument copy() {
        ConfigDocument copy = new ConfigDocument(sourceName, root.deepCopy());
        copy.origins.putAll(origins);
        return copy;
    }

    public ObjectNode root() {
        return root;
    }

    public String sourceName() {
        return sourceName;
    }

    /** The node at a path, or a missing node. */
    public JsonNode at(ConfigPath path) {
        return root.at(path.pointer());
    }

    /** Where the value at a path (or its nearest ancestor) came from, e.g. {@code pipeline.yaml:12}. */
    public String where(ConfigPath path) {
        for (ConfigPath p = path; ; p = p.parent()) {
            String origin = origins.get(p.pointer());
            if (origin != null) {
                return origin;
            }
            if (p.isRoot()) {
                return sourceName;
            }
        }
    }

    /** A problem with the value at a path, located. */
    public ConfigException error(ConfigPath path, String problem) {
        return new ConfigException(where(path), path, problem);
    }

    /**
     * Replaces (or adds) the value at a path, creating missing mappings on the way, and records
     * where the new value came from.
     */
    public void set(ConfigPath path, JsonNode value, String origin) {
        if (path.isRoot()) {
            throw new IllegalArgumentException("cannot replace the whole config");
        }
        JsonNode parent = root;
        var segments = path.segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            parent = step(parent, segments.get(i), segments.get(i + 1), path.segments().subList(0, i + 1), origin);
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer index) {
            if (!(parent instanceof ArrayNode array) || index > array.size()) {
                throw new InvalidInputException(origin + ": " + path.parent() + " has no item " + index);
            }
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else {
            throw new InvalidInputException(origin + ": " + path.parent() + " is not a mapping");
        }
        // The old value's parts came from elsewhere; the new value is all the override's.
        origins.keySet().removeIf(pointer -> pointer.startsWith(path.pointer() + "/"));
        origins.put(path.pointer(), origin);
    }

    private static ConfigPath pathOf(java.util.List<Object> segments) {
        ConfigPath path = ConfigPath.ROOT;
        for (Object segment : segments) {
            path = segment instanceof Integer i ? path.child(i) : path.child((String) segment);
        }
        return path;
    }

    private JsonNode step(JsonNode parent, Object segment, Object next, java.util.List<Object> soFar, String origin) {
        if (segment instanceof Integer index) {
            if (!(parent instanceof ArrayNode array) || index >= array.size()) {
                throw new InvalidInputException(origin + ": " + pathOf(soFar.subList(0, soFar.size() - 1)) + " has no item " + index);
            }
            return array.get(index);
        }
        if (!(parent instanceof ObjectNode object)) {
            throw new InvalidInputException(origin + ": cannot set inside a value that is not a mapping");
        }
        JsonNode child = object.get((String) segment);
        if (child == null || child.isNull()) {
            child = next instanceof Integer ? object.putArray((String) segment) : object.putObject((String) segment);
            // A mapping made for the value is the value's, so a fault there points at the override, not at the file.
            origins.put(pathOf(soFar).pointer(), origin);
        }
        return child;
    }
}
