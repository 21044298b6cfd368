package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of a study, in the order they are declared and drawn. */
@Experimental
public record SearchSpace(List<Parameter> parameters) {

    public SearchSpace {
        parameters = List.copyOf(parameters);
        Map<String, Parameter> seen = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            for (String condition : parameter.when().keySet()) {
                if (!seen.containsKey(condition)) {
                    throw new IllegalArgumentException(parameter.path() + ": when names " + condition
                            + ", which is not a parameter declared before it");
                }
            }
            if (seen.put(parameter.path(), parameter) != null) {
                throw new IllegalArgumentException(parameter.path() + ": declared twice");
            }
        }
    }

    /**
     * Whether {@code parameter} is active given the values drawn so far for the parameters before
     * it: every parameter its condition names has a value and that value is one of those listed.
     */
    public static boolean active(Parameter parameter, Map<String, Object> valuesSoFar) {
        for (Map.Entry<String, List<Object>> condition : parameter.when().entrySet()) {
            Object value = valuesSoFar.get(condition.getKey());
            if (value == null || !condition.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code values} is a proper suggestion: every active parameter has a value it may
     * take, and no inactive or unknown parameter has one.
     */
    public boolean admits(Map<String, Object> values) {
        Map<String, Object> soFar = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            Object value = values.get(parameter.path());
            if (active(parameter, soFar)) {
                if (value == null || !parameter.contains(value)) {
                    return false;
                }
                soFar.put(parameter.path(), value);
            } else if (value != null) {
                return false;
            }
        }
        return soFar.size() == values.size();
    }
}
