package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.FixedParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.SearchSpace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every combination of a space's values, each once: an inactive parameter has no value, so it multiplies nothing. */
final class Grid {

    /** A grid this large is a mistake in the space, not a study: each combination is a whole training run. */
    static final int MAX_COMBINATIONS = 1_000_000;

    private Grid() {
    }

    /**
     * The combinations in declared order, the last parameter varying fastest, as nested loops would.
     *
     * @throws InvalidInputException for a float parameter without a step, or a grid over {@link #MAX_COMBINATIONS}
     */
    static List<Map<String, Object>> combinations(SearchSpace space) {
        List<List<?>> values = new ArrayList<>();
        for (Parameter parameter : space.parameters()) {
            values.add(values(parameter));
        }
        List<Map<String, Object>> combinations = new ArrayList<>();
        extend(space, values, 0, new LinkedHashMap<>(), combinations);
        return combinations;
    }

    private static void extend(SearchSpace space, List<List<?>> values, int next, LinkedHashMap<String, Object> soFar,
                               List<Map<String, Object>> combinations) {
        if (next == values.size()) {
            if (combinations.size() == MAX_COMBINATIONS) {
                throw new InvalidInputException("the grid has more than " + MAX_COMBINATIONS
                        + " combinations; give the floats larger steps or use another sampler");
            }
            combinations.add(Collections.unmodifiableMap(new LinkedHashMap<>(soFar)));
            return;
        }
        Parameter parameter = space.parameters().get(next);
        if (!SearchSpace.active(parameter, soFar)) {
            extend(space, values, next + 1, soFar, combinations);
            return;
        }
        for (Object value : values.get(next)) {
            soFar.put(parameter.path(), value);
            extend(space, values, next + 1, soFar, combinations);
        }
        soFar.remove(parameter.path());
    }

    private static List<?> values(Parameter parameter) {
        if (parameter instanceof FloatParameter range) {
            if (range.step() == null) {
                throw new InvalidInputException(range.path() + ": grid needs a step");
            }
            return range.gridValues();
        }
        if (parameter instanceof IntParameter range) {
            return range.gridValues();
        }
        if (parameter instanceof ChoiceParameter choice) {
            return choice.values();
        }
        return List.of(((FixedParameter) parameter).value());
    }
}
