package dev.fulcrum.core.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Efficiency as a choice ({@code fulcrum compare --efficiency}): on each side of the balance, the cheapest
 * run whose test accuracy is within a tolerance of the best run's. Cheapest is fewest training FLOPs, ties
 * broken by training seconds; a run without the accuracy or the FLOPs takes no part on that side.
 */
public final class EfficientRuns {

    /** Accuracies within this of the tolerance's edge count as inside it, so 0.8642 is within 0.005 of 0.8692. */
    private static final double SLACK = 1e-12;

    /** One run as efficiency sees it: its accuracy on each side and its cost; {@code null} where unknown. */
    public record Run(Double specific, Double general, RunCost cost) {
    }

    /** The chosen run on each side, as an index into the runs, or empty where no run qualifies. */
    public record Choice(Optional<Integer> specific, Optional<Integer> general) {

        /** The sides run {@code index} was chosen for, in order: {@code specific}, {@code general}. */
        public List<String> sides(int index) {
            List<String> sides = new ArrayList<>();
            specific.filter(i -> i == index).ifPresent(i -> sides.add("specific"));
            general.filter(i -> i == index).ifPresent(i -> sides.add("general"));
            return sides;
        }
    }

    private EfficientRuns() {
    }

    /** @param tolerance in accuracy (0.005 for half a point) */
    public static Choice choose(List<Run> runs, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
        }
        return new Choice(cheapestNearBest(runs, tolerance, true), cheapestNearBest(runs, tolerance, false));
    }

    private static Optional<Integer> cheapestNearBest(List<Run> runs, double tolerance, boolean specific) {
        List<Integer> eligible = IntStream.range(0, runs.size())
                .filter(i -> accuracy(runs.get(i), specific) != null && runs.get(i).cost().trainingFlops() != null)
                .boxed().toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        double best = eligible.stream().mapToDouble(i -> accuracy(runs.get(i), specific)).max().orElseThrow();
        return eligible.stream().filter(i -> accuracy(runs.get(i), specific) >= best - tolerance - SLACK)
                .min(Comparator.<Integer>comparingDouble(i -> runs.get(i).cost().trainingFlops())
                        .thenComparingDouble(i -> seconds(runs.get(i))));
    }

    private static Double accuracy(Run run, boolean specific) {
        return specific ? run.specific() : run.general();
    }

    private static double seconds(Run run) {
        return run.cost().trainSeconds() == null ? Double.POSITIVE_INFINITY : run.cost().trainSeconds();
    }
}
