package dev.fulcrum.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.Map;

/** JSON for the run records. Undefined numbers (NaN, infinities) are written as {@code null}. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A JSON-like Java value (maps, lists, strings, numbers, booleans) as a tree, NaN as null. */
    public static JsonNode tree(Object value) {
        return clean(MAPPER.valueToTree(value));
    }

    /** Metrics per task, per metric, as a tree with NaN as null. */
    public static ObjectNode metrics(Map<String, Map<String, Double>> metrics) {
        ObjectNode node = object();
        metrics.forEach((task, values) -> {
            ObjectNode taskNode = node.putObject(task);
            values.forEach((name, value) -> putNumber(taskNode, name, value));
        });
        return node;
    }

    public static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String line(JsonNode node) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode clean(JsonNode node) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.fieldNames().forEachRemaining(name -> object.set(name, clean(object.get(name))));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, clean(node.get(i)));
            }
        }
        return node;
    }
}
