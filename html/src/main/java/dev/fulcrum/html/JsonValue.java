package dev.fulcrum.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One value of a run's JSON files ({@code summary.json}, a {@code metrics.jsonl} line, {@code provenance.json}), read
 * without Jackson in the signature. A key that is absent, or a JSON {@code null}, gives an absent value, so sections
 * walk paths that only some runs have ({@code run.summary().at("calibration", "test")}) without checks on the way.
 */
public final class JsonValue {

    private static final JsonValue ABSENT = new JsonValue(MissingNode.getInstance());

    private final JsonNode node;

    private JsonValue(JsonNode node) {
        this.node = node;
    }

    static JsonValue of(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? ABSENT : new JsonValue(node);
    }

    /** The member {@code key} of an object; absent for anything else. */
    public JsonValue get(String key) {
        return of(node.get(key));
    }

    /** The value at a path of member names, as {@code at("balance", "specific")}. */
    public JsonValue at(String... keys) {
        JsonValue value = this;
        for (String key : keys) {
            value = value.get(key);
        }
        return value;
    }

    /** Whether there is a value here: not absent, not {@code null}. */
    public boolean present() {
        return !node.isMissingNode();
    }

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isNumber() {
        return node.isNumber();
    }

    /** Whether the value is a whole number as the file writes it ({@code 184}, not {@code 184.0}). */
    public boolean isIntegral() {
        return node.isIntegralNumber();
    }

    /** The number here, if it is one. */
    public OptionalDouble number() {
        return node.isNumber() ? OptionalDouble.of(node.doubleValue()) : OptionalDouble.empty();
    }

    /** The text of a string, number or boolean; empty when absent, an object or an array. */
    public Optional<String> text() {
        return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** The text here, or {@code fallback}. */
    public String textOr(String fallback) {
        return text().orElse(fallback);
    }

    /** The members of an object in file order; empty for anything else. */
    public Map<String, JsonValue> fields() {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), of(field.getValue())));
        }
        return fields;
    }

    /** The elements of an array; empty for anything else. */
    public List<JsonValue> elements() {
        List<JsonValue> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> elements.add(of(element)));
        }
        return elements;
    }

    /** An object without the members {@code keys}; anything else as it is. */
    public JsonValue without(List<String> keys) {
        if (!node.isObject()) {
            return this;
        }
        ObjectNode rest = node.deepCopy();
        keys.forEach(rest::remove);
        return of(rest);
    }

    /** The value as compact JSON text ({@code null} when absent). */
    @Override
    public String toString() {
        return present() ? node.toString() : "null";
    }
}
