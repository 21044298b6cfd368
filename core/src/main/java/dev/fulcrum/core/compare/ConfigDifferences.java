package dev.fulcrum.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.run.Yaml;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The config paths at which runs differ. A resolved config is flattened to its leaves, each named
 * by the path {@code --set} takes ({@code strategy.epochs}, {@code features[0].type}): mappings open
 * into their keys, lists that hold a mapping into their items, and every other value (a list of
 * numbers, say) is one leaf, written as YAML flow text.
 */
public final class ConfigDifferences {

    private ConfigDifferences() {
    }

    /** Each leaf of a config tree by its path, in document order. */
    public static Map<String, String> flatten(JsonNode config) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", config, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(field -> flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves));
        } else if (node.isArray() && holdsAMapping(node)) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else if (!path.isEmpty()) {
            leaves.put(path, Yaml.flow(node));
        }
    }

    private static boolean holdsAMapping(JsonNode list) {
        for (JsonNode item : list) {
            if (item.isObject()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The paths whose values are not the same in every config, in the order first seen; a path that
     * some configs lack differs. One config (or none) differs nowhere.
     */
    public static List<String> keysThatDiffer(List<Map<String, String>> configs) {
        Set<String> paths = new LinkedHashSet<>();
        configs.forEach(config -> paths.addAll(config.keySet()));
        return paths.stream().filter(path -> configs.stream().map(config -> config.get(path)).distinct().count() > 1).toList();
    }

    /** Only the leaves at {@code paths}. */
    public static Map<String, String> at(Map<String, String> leaves, List<String> paths) {
        Map<String, String> kept = new LinkedHashMap<>();
        paths.stream().filter(leaves::containsKey).forEach(path -> kept.put(path, Objects.requireNonNull(leaves.get(path))));
        return kept;
    }
}
