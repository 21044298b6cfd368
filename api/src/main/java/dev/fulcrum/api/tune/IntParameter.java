package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/** Integers in {@code [low, high]} in steps of {@code step}; with {@code log}, drawn in log space. */
@Experimental
public record IntParameter(String path, long low, long high, boolean log, long step, Map<String, List<Object>> when)
        implements Parameter {

    public IntParameter {
        when = Map.copyOf(when);
        if (low > high) {
            throw new IllegalArgumentException(path + ": expected low <= high, got [" + low + ", " + high + "]");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException(path + ": a log range needs low > 0, got " + low);
        }
        if (step < 1) {
            throw new IllegalArgumentException(path + ": step must be at least 1, got " + step);
        }
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Long l && l >= low && l <= high && (l - low) % step == 0;
    }

    /** Every value from low to high in steps. */
    public List<Long> gridValues() {
        return LongStream.rangeClosed(0, (high - low) / step).mapToObj(k -> low + k * step).toList();
    }
}
