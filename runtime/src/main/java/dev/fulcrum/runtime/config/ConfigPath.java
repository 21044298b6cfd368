package dev.fulcrum.runtime.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A place in the pipeline config, shown as {@code strategy.early-stopping.patience} or
 * {@code features[0].type}.
 */
public final class ConfigPath {

    public static final ConfigPath ROOT = new ConfigPath(List.of());

    private final List<Object> segments;

    private ConfigPath(List<Object> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses a path as written on the command line: dots between names, and list indices either as
     * {@code [0]} or as a dotted number ({@code features.0.type}).
     */
    public static ConfigPath parse(String text) {
        List<Object> segments = new ArrayList<>();
        for (String part : text.replace("[", ".").replace("]", "").split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty name in path \"" + text + "\"");
            }
            segments.add(part.chars().allMatch(Character::isDigit) ? (Object) Integer.parseInt(part) : part);
        }
        return new ConfigPath(segments);
    }

    public ConfigPath child(String name) {
        List<Object> next = new ArrayList<>(segments);
        next.add(name);
        return new ConfigPath(next);
    }

    public ConfigPath child(int index) {
        List<Object> next = new ArrayList<>(segments);
        next.add(index);
        return new ConfigPath(next);
    }

    /** This path followed by a dotted relative one, such as a params field {@code early-stopping.mode}. */
    public ConfigPath resolve(String relative) {
        ConfigPath path = this;
        for (Object segment : parse(relative).segments) {
            path = segment instanceof Integer i ? path.child(i) : path.child((String) segment);
        }
        return path;
    }

    public List<Object> segments() {
        return segments;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public ConfigPath parent() {
        if (segments.isEmpty()) {
            return this;
        }
        return new ConfigPath(segments.subList(0, segments.size() - 1));
    }

    /** The JSON pointer of this path, e.g. {@code /features/0/type}. */
    public String pointer() {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer) {
                text.append('[').append(segment).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(segment);
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigPath p && segments.equals(p.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
