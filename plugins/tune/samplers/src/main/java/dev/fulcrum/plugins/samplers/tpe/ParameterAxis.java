package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Parameter;

import java.util.Optional;

/**
 * One parameter as the Parzen estimator sees it: a coordinate on which its kernels live, and the
 * way back to a value the parameter may take. The scales follow Optuna 3.1's
 * {@code optuna/samplers/_tpe/parzen_estimator.py} ({@code _calculate_parzen_bounds},
 * {@code _transform_from_uniform}):
 * <ul>
 *   <li>a float range is continuous on {@code [low, high]}, or on {@code [ln low, ln high]} with {@code log};</li>
 *   <li>a float range with a step, and an integer range, are discrete: the value itself, with bounds half a
 *       step beyond the end values, and a kernel's probability of a value its mass over that value's step
 *       (a float step wins over {@code log}, as in {@code UniformDraws});</li>
 *   <li>an integer range with {@code log} is continuous on {@code [ln(low - 0.5), ln(high + 0.5)]}, so
 *       that each end value keeps its share, then rounded to a step;</li>
 *   <li>a choice is categorical: the index of its value.</li>
 * </ul>
 *
 * @param kind  how the estimator models the coordinate
 * @param low   the lower bound of a numeric coordinate
 * @param high  the upper bound of a numeric coordinate
 * @param step  the width of a discrete coordinate's value; 0 otherwise
 * @param count the number of values: a choice's, or the steps of a discrete or rounded range
 */
record ParameterAxis(Parameter parameter, Kind kind, double low, double high, double step, long count) {

    enum Kind { CONTINUOUS, DISCRETE, CATEGORICAL }

    /** The axis of {@code parameter}, or empty when it takes one value only and has nothing to model. */
    static Optional<ParameterAxis> of(Parameter parameter) {
        ParameterAxis axis;
        if (parameter instanceof FloatParameter range) {
            axis = range.step() != null ? discrete(range, range.low(), range.step(), range.gridValues().size())
                    : range.log() ? new ParameterAxis(range, Kind.CONTINUOUS, Math.log(range.low()), Math.log(range.high()), 0, 0)
                    : new ParameterAxis(range, Kind.CONTINUOUS, range.low(), range.high(), 0, 0);
        } else if (parameter instanceof IntParameter range) {
            long count = (range.high() - range.low()) / range.step() + 1;
            double top = range.low() + (count - 1) * (double) range.step();
            axis = range.log() ? new ParameterAxis(range, Kind.CONTINUOUS, Math.log(range.low() - 0.5), Math.log(top + 0.5), 0, count)
                    : discrete(range, range.low(), range.step(), count);
        } else if (parameter instanceof ChoiceParameter choice) {
            axis = new ParameterAxis(choice, Kind.CATEGORICAL, 0, 0, 0, choice.values().size());
        } else {
            return Optional.empty();
        }
        boolean single = axis.kind == Kind.CONTINUOUS && axis.count == 0 ? !(axis.low < axis.high) : axis.count < 2;
        return single ? Optional.empty() : Optional.of(axis);
    }

    private static ParameterAxis discrete(Parameter parameter, double first, double step, long count) {
        double last = first + (count - 1) * step;
        return new ParameterAxis(parameter, Kind.DISCRETE, first - 0.5 * step, last + 0.5 * step, step, count);
    }

    /** The coordinate of {@code value}, or {@code null} when the parameter may not take it. */
    Double coordinate(Object value) {
        if (value == null || !parameter.contains(value)) {
            return null;
        }
        if (parameter instanceof ChoiceParameter choice) {
            return (double) choice.values().indexOf(value);
        }
        double number = ((Number) value).doubleValue();
        return kind == Kind.CONTINUOUS && logScale() ? Math.log(number) : number;
    }

    /** The value nearest to coordinate {@code x}: in range, on a step, an existing choice. */
    Object value(double x) {
        if (parameter instanceof ChoiceParameter choice) {
            return choice.values().get((int) Math.max(0, Math.min(count - 1, Math.round(x))));
        }
        double linear = kind == Kind.CONTINUOUS && logScale() ? Math.exp(x) : x;
        if (parameter instanceof IntParameter range) {
            return range.low() + nearestStep(linear, range.low(), range.step()) * range.step();
        }
        FloatParameter range = (FloatParameter) parameter;
        if (kind == Kind.DISCRETE) {
            return range.low() + nearestStep(linear, range.low(), range.step()) * range.step();
        }
        return Math.min(range.high(), Math.max(range.low(), linear));
    }

    /** The coordinate of the value nearest to {@code x}: where a candidate drawn at {@code x} is scored. */
    double snap(double x) {
        return coordinate(value(x));
    }

    private boolean logScale() {
        return parameter instanceof FloatParameter range ? range.log() : ((IntParameter) parameter).log();
    }

    private long nearestStep(double x, double first, double width) {
        return Math.max(0, Math.min(count - 1, Math.round((x - first) / width)));
    }
}
