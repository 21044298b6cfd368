package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One value, always the same: part of the space so that it lands in every trial's record. */
@Experimental
public record FixedParameter(String path, Object value, Map<String, List<Object>> when) implements Parameter {

    public FixedParameter {
        when = Map.copyOf(when);
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean contains(Object candidate) {
        return value.equals(candidate);
    }
}
