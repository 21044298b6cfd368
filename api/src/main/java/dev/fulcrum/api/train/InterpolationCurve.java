package dev.fulcrum.api.train;

import dev.fulcrum.api.Experimental;

import java.util.List;

/**
 * What {@link TrainingSession#interpolate(Interpolation)} measured: validation accuracy of both
 * tasks at each alpha of the grid, and the alpha the rule chose (the model now holds its weights).
 */
@Experimental
public record InterpolationCurve(List<Point> points, double chosenAlpha) {

    public InterpolationCurve {
        points = List.copyOf(points);
    }

    /** Validation accuracies at one alpha; a task without labelled validation rows is NaN. */
    public record Point(double alpha, double specific, double general) {
    }
}
