package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.List;
import java.util.Map;

/** One of a list of values, compared with {@code equals}. */
@Experimental
public record ChoiceParameter(String path, List<Object> values, Map<String, List<Object>> when) implements Parameter {

    public ChoiceParameter {
        values = List.copyOf(values);
        when = Map.copyOf(when);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(path + ": a choice needs at least one value");
        }
    }

    @Override
    public boolean contains(Object value) {
        return values.contains(value);
    }
}
