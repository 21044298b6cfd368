package dev.fulcrum.api.audit;

import dev.fulcrum.api.Experimental;

import java.util.Objects;

/**
 * The outcome of one policy gate: a bound on an audit metric, such as disparate impact >= 0.8
 * (the four-fifths rule). A run with a failed gate ends with its own status and exit code, and its
 * model is still saved.
 *
 * @param gate       the gate as the user reads it, e.g. {@code disparate_impact >= 0.8}
 * @param metric     the metric's name in the audit results
 * @param scope      what the metric was measured on, e.g. a grouping such as {@code race & sex}
 * @param value      the measured value, or {@code null} when it is undefined
 * @param comparison {@code >=} or {@code <=}
 * @param bound      the bound the value must meet
 * @param passed     whether the value meets the bound; an undefined value never does
 * @param margin     how far the value is inside the bound (negative: outside), or {@code null} when undefined
 * @param detail     one sentence: by how much the gate passed or failed, or why the value is undefined
 */
@Experimental
public record GateResult(String gate, String metric, String scope, Double value, String comparison, double bound,
                         boolean passed, Double margin, String detail) {
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(detail, "detail");
        if (!comparison.equals(">=") && !comparison.equals("<=")) {
            throw new IllegalArgumentException("comparison must be >= or <=, got " + comparison);
        }
    }
}
