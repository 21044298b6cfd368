package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.Objects;

/**
 * One objective of a study: a metric path of the run's {@code summary.json} under {@code metrics}
 * ({@code validation.specific.accuracy}) and which way is better. Intermediate reports use the same
 * path, so a pruner finds an objective's value per epoch under {@link #metric()}.
 */
@Experimental
public record Objective(String metric, Direction direction) {

    public Objective {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
    }

    /** The value turned into one to minimise. */
    public double toMinimised(double value) {
        return direction.toMinimised(value);
    }
}
