package dev.fulcrum.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;

import java.io.IOException;
import java.util.List;

/**
 * Applies {@code --set path=value} overrides. The value is read as YAML, so {@code 5} is a number,
 * {@code [0,2,4]} a list and {@code {type: pca}} a mapping.
 */
public final class Overrides {

    private Overrides() {
    }

    public static void apply(ConfigDocument document, List<String> assignments) {
        for (String assignment : assignments) {
            String origin = "--set " + assignment;
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInputException(origin + ": expected path=value, e.g. strategy.epochs=5");
            }
            ConfigPath path;
            try {
                path = ConfigPath.parse(assignment.substring(0, equals).trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(origin + ": " + e.getMessage());
            }
            document.set(path, parseValue(assignment.substring(equals + 1), origin), origin);
        }
    }

    private static JsonNode parseValue(String text, String origin) {
        if (text.isBlank()) {
            return TextNode.valueOf("");
        }
        try {
            JsonNode node = ConfigDocument.parseValue(text, origin);
            return node == null ? TextNode.valueOf(text) : node;
        } catch (IOException e) {
            throw new InvalidInputException(origin + ": the value is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
