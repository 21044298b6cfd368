package dev.fulcrum.core.train;

import dev.fulcrum.api.train.Interpolation;
import dev.fulcrum.api.train.InterpolationCurve.Point;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Chooses alpha on the validation curve. {@code mean}: the best {@link TwoSidedScore}, the mean of
 * specific and general accuracy (specific alone where the general task has no validation rows). {@code specific}: the best specific
 * accuracy among the alphas whose general accuracy is at least {@code min-general}; where none is, the
 * alpha with the best general accuracy, and the rule counts as not met. Ties go to the alpha listed
 * first in the grid.
 */
final class AlphaRule {

    /** The chosen point, and whether it met the rule's constraint (always true for {@code mean}). */
    record Choice(Point point, boolean met) {
    }

    private AlphaRule() {
    }

    static Choice choose(List<Point> points, Interpolation settings) {
        if (settings.rule().equals(Interpolation.RULE_MEAN)) {
            return new Choice(best(points, point -> TwoSidedScore.of(point.specific(), point.general())), true);
        }
        List<Point> feasible = points.stream().filter(point -> point.general() >= settings.minGeneral()).toList();
        if (feasible.isEmpty()) {
            return new Choice(best(points, Point::general), false);
        }
        return new Choice(best(feasible, Point::specific), true);
    }

    private static Point best(List<Point> points, ToDoubleFunction<Point> score) {
        Point best = points.get(0);
        for (Point point : points) {
            if (score.applyAsDouble(point) > score.applyAsDouble(best)) {
                best = point;
            }
        }
        return best;
    }
}
