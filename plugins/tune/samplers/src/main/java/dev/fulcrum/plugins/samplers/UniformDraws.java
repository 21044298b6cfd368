package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.FixedParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.SearchSpace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Maps points of the unit cube to parameter values, and draws them uniformly. Random search draws
 * the coordinates at random, Sobol from its sequence, TPE's start-up trials at random; all three
 * share this one mapping, so a coordinate means the same to each.
 */
public final class UniformDraws {

    private UniformDraws() {
    }

    /** Values for the active parameters of {@code space}, each from its own uniform coordinate. */
    public static Map<String, Object> draw(SearchSpace space, SplittableRandom random) {
        double[] unit = new double[space.parameters().size()];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = random.nextDouble();
        }
        return fromUnit(space, unit);
    }

    /**
     * Values for the active parameters of {@code space}, parameter {@code i} from coordinate
     * {@code unit[i]} in {@code [0, 1)}; inactive parameters leave theirs unused.
     */
    public static Map<String, Object> fromUnit(SearchSpace space, double[] unit) {
        if (unit.length != space.parameters().size()) {
            throw new IllegalArgumentException(unit.length + " coordinates for " + space.parameters().size() + " parameters");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < unit.length; i++) {
            Parameter parameter = space.parameters().get(i);
            if (SearchSpace.active(parameter, values)) {
                values.put(parameter.path(), value(parameter, unit[i]));
            }
        }
        return values;
    }

    /** The value of one parameter at coordinate {@code u} in {@code [0, 1)}. */
    public static Object value(Parameter parameter, double u) {
        if (parameter instanceof FloatParameter range) {
            return floatValue(range, u);
        }
        if (parameter instanceof IntParameter range) {
            return intValue(range, u);
        }
        if (parameter instanceof ChoiceParameter choice) {
            return choice.values().get(Math.min(choice.values().size() - 1, (int) (u * choice.values().size())));
        }
        return ((FixedParameter) parameter).value();
    }

    private static double floatValue(FloatParameter range, double u) {
        if (range.step() != null) {
            int count = range.gridValues().size();
            return range.gridValues().get(Math.min(count - 1, (int) (u * count)));
        }
        double value = range.log()
                ? Math.exp(Math.log(range.low()) + u * (Math.log(range.high()) - Math.log(range.low())))
                : range.low() + u * (range.high() - range.low());
        return Math.min(range.high(), Math.max(range.low(), value));
    }

    private static long intValue(IntParameter range, double u) {
        long steps = (range.high() - range.low()) / range.step();
        if (!range.log()) {
            return range.low() + Math.min(steps, (long) (u * (steps + 1))) * range.step();
        }
        // Uniform in log space over [low - 0.5, high + 0.5], so each end gets its share (as Optuna's IntDistribution with log).
        double low = Math.log(range.low() - 0.5);
        double high = Math.log(range.high() + 0.5);
        double value = Math.exp(low + u * (high - low));
        long k = Math.round((value - range.low()) / range.step());
        return range.low() + Math.max(0, Math.min(steps, k)) * range.step();
    }
}
