package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Floats in {@code [low, high]}; with {@code log}, drawn uniformly in log space (then
 * {@code low > 0}); with a {@code step}, only {@code low + k * step} up to {@code high}.
 */
@Experimental
public record FloatParameter(String path, double low, double high, boolean log, Double step, Map<String, List<Object>> when)
        implements Parameter {

    public FloatParameter {
        when = Map.copyOf(when);
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(path + ": expected finite low <= high, got [" + low + ", " + high + "]");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException(path + ": a log range needs low > 0, got " + low);
        }
        if (step != null && !(step > 0)) {
            throw new IllegalArgumentException(path + ": step must be positive, got " + step);
        }
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Double d) || d < low || d > high) {
            return false;
        }
        if (step == null) {
            return true;
        }
        double k = (d - low) / step;
        return Math.abs(k - Math.rint(k)) < 1e-9 * Math.max(1, Math.abs(k));
    }

    /**
     * The values a grid takes: every step from low to high; only defined with a step. The last one
     * is at most {@code high}, so that each is one {@link #contains} admits: {@code 1e-3 + 3 * 3e-3}
     * is {@code 0.010000000000000002} in doubles.
     */
    public List<Double> gridValues() {
        if (step == null) {
            throw new IllegalStateException(path + " has no step");
        }
        int count = (int) Math.floor((high - low) / step + 1e-9) + 1;
        return IntStream.range(0, count).mapToObj(k -> Math.min(high, low + k * step)).toList();
    }
}
