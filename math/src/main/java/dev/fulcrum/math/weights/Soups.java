package dev.fulcrum.math.weights;

import dev.fulcrum.api.Experimental;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Which ingredients go into a model soup (Wortsman et al. 2022, arXiv 2203.05482, Recipe 1), generic
 * over what an ingredient is and how a soup of some of them scores (higher is better; for weights: the
 * validation score of their average). Greedy: the ingredients sorted by their own score, best first
 * (ties keep the given order); the best one starts the soup and each next one is added only if the
 * soup with it scores at least as well as the soup without it. So the greedy soup never scores below
 * its best ingredient on the rows the score is computed on. Uniform: every ingredient, in the given
 * order, with the score after each.
 */
@Experimental
public final class Soups {

    /**
     * One ingredient tried.
     *
     * @param alone the ingredient's own score (a soup of it alone)
     * @param tried the score of the soup so far with it
     * @param added whether it went in
     * @param soup  the soup's score after this step
     */
    public record Step<T>(T ingredient, double alone, double tried, boolean added, double soup) {
    }

    /** The ingredients that went in, in the order they went in, the soup's score, and every step. */
    public record Soup<T>(List<T> ingredients, double score, List<Step<T>> steps) {

        public Soup {
            ingredients = List.copyOf(ingredients);
            steps = List.copyOf(steps);
        }
    }

    private Soups() {
    }

    /** Wortsman et al.'s greedy soup; {@code score} is called with each soup tried (the list is not kept). */
    public static <T> Soup<T> greedy(List<T> candidates, ToDoubleFunction<List<T>> score) {
        List<Scored<T>> ranked = scoreAlone(candidates, score);
        ranked.sort(Comparator.comparingDouble((Scored<T> scored) -> scored.alone).reversed());
        List<T> soup = new ArrayList<>();
        List<Step<T>> steps = new ArrayList<>();
        double soupScore = Double.NaN;
        for (Scored<T> candidate : ranked) {
            double tried;
            if (soup.isEmpty()) {
                tried = candidate.alone;
            } else {
                List<T> with = new ArrayList<>(soup);
                with.add(candidate.ingredient);
                tried = finite(score.applyAsDouble(with));
            }
            boolean added = soup.isEmpty() || tried >= soupScore;
            if (added) {
                soup.add(candidate.ingredient);
                soupScore = tried;
            }
            steps.add(new Step<>(candidate.ingredient, candidate.alone, tried, added, soupScore));
        }
        return new Soup<>(soup, soupScore, steps);
    }

    /** The uniform soup: every candidate in the given order, scored after each is added. */
    public static <T> Soup<T> uniform(List<T> candidates, ToDoubleFunction<List<T>> score) {
        List<Scored<T>> alone = scoreAlone(candidates, score);
        List<T> soup = new ArrayList<>();
        List<Step<T>> steps = new ArrayList<>();
        double soupScore = Double.NaN;
        for (Scored<T> candidate : alone) {
            soup.add(candidate.ingredient);
            soupScore = soup.size() == 1 ? candidate.alone : finite(score.applyAsDouble(List.copyOf(soup)));
            steps.add(new Step<>(candidate.ingredient, candidate.alone, soupScore, true, soupScore));
        }
        return new Soup<>(soup, soupScore, steps);
    }

    private static <T> List<Scored<T>> scoreAlone(List<T> candidates, ToDoubleFunction<List<T>> score) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a soup needs at least one ingredient");
        }
        List<Scored<T>> scored = new ArrayList<>();
        for (T candidate : candidates) {
            scored.add(new Scored<>(candidate, finite(score.applyAsDouble(List.of(candidate)))));
        }
        return scored;
    }

    private static double finite(double score) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("a soup's score must be a finite number, got " + score);
        }
        return score;
    }

    private record Scored<T>(T ingredient, double alone) {
    }
}
