package dev.fulcrum.plugins.groupfairness;

import dev.fulcrum.api.audit.AuditInput;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Audit inputs for the tests: binary labels "0"/"1", with one or more sensitive attributes. */
final class AuditFixtures {

    private AuditFixtures() {
    }

    static AuditInput binary(int[] labels, int[] predictions, Map<String, String[]> sensitive) {
        float[] weights = new float[labels.length];
        Arrays.fill(weights, 1f);
        return binary(labels, predictions, sensitive, weights);
    }

    static AuditInput binary(int[] labels, int[] predictions, Map<String, String[]> sensitive, float[] weights) {
        return new AuditInput("specific", List.of("0", "1"), labels, predictions, null, sensitive, weights);
    }

    static Map<String, String[]> attribute(String name, String[] values) {
        Map<String, String[]> sensitive = new LinkedHashMap<>();
        sensitive.put(name, values);
        return sensitive;
    }

    static int[] ints(String spaced) {
        return Arrays.stream(spaced.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    static String[] strings(String spaced) {
        return spaced.trim().split("\\s+");
    }

    static GroupFairnessParams params(Map<String, String> privileged, int bootstrap, List<GateParams> gates) {
        return new GroupFairnessParams(null, null, privileged, null, bootstrap, null, 7L, null, gates);
    }

    /** Walks a results tree by keys. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> tree, String... keys) {
        Object node = tree;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError("no " + key + " in " + node);
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }

    static double number(Map<String, Object> tree, String... keys) {
        Object value = at(tree, keys);
        if (!(value instanceof Number n)) {
            throw new AssertionError(String.join(".", keys) + " is " + value + ", not a number");
        }
        return n.doubleValue();
    }
}
