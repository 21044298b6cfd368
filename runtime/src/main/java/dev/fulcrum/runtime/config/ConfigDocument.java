package dev.fulcrum.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.fulcrum.api.InvalidInputException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pipeline config as a JSON tree that remembers where each value came from: a line of the YAML
 * file, or a {@code --set} override. Errors about any value can then say where to fix it.
 */
public final class ConfigDocument {

    /** The mapper for every YAML or JSON text a user hands Fulcrum, with {@link ConfigLimits}' limits. */
    public static final YAMLMapper YAML = ConfigLimits.MAPPER;

    /** The YAML 1.1 core tags, which only say what the value already is; any other tag is refused. */
    private static final Set<String> PLAIN_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq")
            .stream().map(name -> "tag:yaml.org,2002:" + name).collect(Collectors.toUnmodifiableSet());
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final String sourceName;
    /** Whether messages name the line: not for a value given on its own, as {@code --set} gives one. */
    private final boolean lines;
    private final ObjectNode root;
    private final Map<String, String> origins = new HashMap<>();

    private ConfigDocument(String sourceName, ObjectNode root) {
        this(sourceName, root, true);
    }

    private ConfigDocument(String sourceName, ObjectNode root, boolean lines) {
        this.sourceName = sourceName;
        this.root = root;
        this.lines = lines;
    }

    /** Parses YAML text; {@code sourceName} (usually the file name) prefixes every error. */
    public static ConfigDocument parse(String text, String sourceName) {
        if (text.length() > ConfigLimits.MAX_CHARS) {
            throw new InvalidInputException(sourceName + ": " + text.length() + " characters is more than a config may have ("
                    + ConfigLimits.MAX_CHARS + ")");
        }
        try (JsonParser parser = YAML.createParser(text)) {
            try {
                return parse(parser, sourceName);
            } catch (StreamConstraintsException e) {
                throw new InvalidInputException(sourceName + ":" + parser.currentLocation().getLineNr()
                        + ": mappings and lists nest deeper than a config may (" + ConfigLimits.MAX_DEPTH + " levels)", e);
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(sourceName, e);
        } catch (IOException e) {
            throw new InvalidInputException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ConfigDocument parse(JsonParser parser, String sourceName) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new InvalidInputException(sourceName + ": the pipeline file is empty");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new InvalidInputException(sourceName + ":" + parser.currentLocation().getLineNr()
                    + ": a pipeline must be a YAML mapping (name: ..., data: ..., model: ...)");
        }
        ConfigDocument document = new ConfigDocument(sourceName, JsonNodeFactory.instance.objectNode());
        document.refuseTag(parser, ConfigPath.ROOT);
        document.origins.put("", sourceName + ":" + parser.currentLocation().getLineNr());
        document.readObject(parser, document.root, ConfigPath.ROOT);
        if (parser.nextToken() != null) {
            throw new InvalidInputException(sourceName + ":" + parser.currentLocation().getLineNr()
                    + ": only one YAML document is allowed in a pipeline file");
        }
        return document;
    }

    /**
     * One YAML value on its own, as {@code --set} gives it, checked as a document's values are;
     * {@code null} where the text holds none.
     *
     * @throws JsonProcessingException where the text is not YAML
     */
    public static JsonNode parseValue(String text, String origin) throws IOException {
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            ConfigDocument scratch = new ConfigDocument(origin, JsonNodeFactory.instance.objectNode(), false);
            JsonNode value = scratch.readValue(parser, ConfigPath.ROOT);
            return value;
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
        String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
        return new InvalidInputException(sourceName + line + ": YAML syntax error: "
                + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }

    private void readObject(JsonParser parser, ObjectNode target, ConfigPath path) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            ConfigPath child = path.child(name);
            int line = parser.currentLocation().getLineNr();
            refuseAlias(parser, child);
            if (target.has(name)) {
                throw new ConfigException(sourceName + ":" + line, child, "duplicate key");
            }
            origins.put(child.pointer(), sourceName + ":" + line);
            parser.nextToken();
            target.set(name, readValue(parser, child));
        }
    }

    private JsonNode readValue(JsonParser parser, ConfigPath path) throws IOException {
        refuseAlias(parser, path);
        refuseTag(parser, path);
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
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return number(parser, path);
            }
            default -> {
                return parser.readValueAsTree();
            }
        }
    }

    /**
     * Jackson does not expand YAML aliases: it reads {@code *name} as the string {@code "name"}
     * ({@code YAMLParser.isCurrentAlias}), so a config using them would silently mean something
     * else. Refusing them also rules out alias bombs.
     */
    private void refuseAlias(JsonParser parser, ConfigPath path) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new ConfigException(here(parser), path, "YAML aliases (*" + yaml.getText()
                    + ", <<: merge keys) are not supported; write the value out");
        }
    }

    /** Tags other than the core ones would be ignored by Jackson; say so instead of reading something else. */
    private void refuseTag(JsonParser parser, ConfigPath path) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.getTypeId() != null && !PLAIN_TAGS.contains(yaml.getTypeId())) {
            String tag = yaml.getTypeId().replace("tag:yaml.org,2002:", "!!");
            throw new ConfigException(here(parser), path, "YAML tags such as " + (tag.startsWith("!") ? tag : "!" + tag)
                    + " are not supported");
        }
    }

    /** A number, refused where it is not finite (.nan, .inf, 1e400) or an integer beyond 64 bits. */
    private JsonNode number(JsonParser parser, ConfigPath path) throws IOException {
        String text = parser.getText();
        JsonNode node;
        try {
            node = parser.readValueAsTree();
        } catch (JsonProcessingException e) {
            throw new ConfigException(here(parser), path, "must be a finite number, got " + abbreviated(text));
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new ConfigException(here(parser), path, "must be a finite number, got " + abbreviated(text));
        }
        if (node.isBigInteger() && (node.bigIntegerValue().compareTo(LONG_MIN) < 0 || node.bigIntegerValue().compareTo(LONG_MAX) > 0)) {
            throw new ConfigException(here(parser), path, "integer out of range (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + "): " + abbreviated(text));
        }
        return node;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 20) + "... (" + text.length() + " characters)";
    }

    private String here(JsonParser parser) {
        return lines ? sourceName + ":" + parser.currentTokenLocation().getLineNr() : sourceName;
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
