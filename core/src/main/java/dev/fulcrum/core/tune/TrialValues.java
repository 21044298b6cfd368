package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.run.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter values between config trees and the plain Java values of {@code dev.fulcrum.api.tune}:
 * {@code Long} for integers, {@code Double} for other numbers, {@code String}, {@code Boolean}, and
 * lists and maps of these.
 */
final class TrialValues {

    private TrialValues() {
    }

    /** The value of a config node; {@code null} for a YAML null. */
    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(value(item)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), value(field.getValue())));
            return map;
        }
        return node.asText();
    }

    /** The config node of a value. */
    static JsonNode node(Object value) {
        return Json.MAPPER.valueToTree(value);
    }

    /** A value as a person reads it in a line of progress: {@code 0.00123}, {@code multi-task}, {@code [64, 32]}. */
    static String show(Object value) {
        if (value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.4g", d);
        }
        if (value instanceof String s) {
            return s;
        }
        return Json.line(node(value));
    }
}
