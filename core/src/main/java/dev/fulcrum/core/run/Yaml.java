package dev.fulcrum.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** YAML text of config trees, as written to {@code config.yaml}. */
public final class Yaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    /** Text that YAML reads back as the same string without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    /** Plain words YAML 1.1 (SnakeYAML's) reads as booleans or null. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    private Yaml() {
    }

    /**
     * A value on one line in YAML's flow style, as {@code --set} takes it: {@code [256, 128]},
     * {@code {type: pca}}, {@code multi-task}; strings that would read back as something else are
     * double-quoted.
     */
    public static String flow(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(flow(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                entries.add(flowText(entry.getKey()) + ": " + flow(entry.getValue()));
            }
            return "{" + String.join(", ", entries) + "}";
        }
        return value.isTextual() ? flowText(value.asText()) : value.toString();
    }

    private static String flowText(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return TextNode.valueOf(text).toString();
    }

    public static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
