package dev.fulcrum.api.train;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Stable;
import dev.fulcrum.api.params.AtLeast;

/**
 * Stops a phase when a validation metric stops improving, and restores the best epoch's weights.
 * Usable directly as a nested params record in strategy params.
 *
 * @param metric    {@code <task>.<metric>} on the validation split, for example {@code specific.accuracy}
 * @param mode      {@code max} or {@code min}
 * @param patience  epochs without improvement before stopping
 * @param minDelta  the least change that counts as an improvement
 */
@Stable
public record EarlyStopping(
        @Doc("validation metric to watch, as <task>.<metric>, e.g. specific.accuracy or specific.loss") String metric,
        @Doc("max or min: whether a larger or a smaller value is better") String mode,
        @Doc("epochs without improvement before the phase stops") @AtLeast(1) Integer patience,
        @Doc("the least change that counts as an improvement") @AtLeast(0) Double minDelta) {

    public EarlyStopping {
        if (metric == null) {
            metric = "specific.accuracy";
        }
        if (mode == null) {
            mode = metric.endsWith(".loss") ? "min" : "max";
        }
        if (patience == null) {
            patience = 5;
        }
        if (minDelta == null) {
            minDelta = 0.0;
        }
        if (!metric.contains(".")) {
            throw new InvalidParamsException("metric", "expected <task>.<metric>, e.g. specific.accuracy, got \"" + metric + "\"");
        }
        if (!mode.equals("max") && !mode.equals("min")) {
            throw new InvalidParamsException("mode", "expected max or min, got \"" + mode + "\"");
        }
    }

    public String task() {
        return metric.substring(0, metric.indexOf('.'));
    }

    public String metricName() {
        return metric.substring(metric.indexOf('.') + 1);
    }

    public boolean maximise() {
        return mode.equals("max");
    }

    /** Whether {@code candidate} beats {@code best} by more than the minimum delta. */
    public boolean improves(double candidate, double best) {
        return maximise() ? candidate > best + minDelta : candidate < best - minDelta;
    }
}
