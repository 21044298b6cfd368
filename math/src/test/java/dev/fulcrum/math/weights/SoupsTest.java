package dev.fulcrum.math.weights;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoupsTest {

    /**
     * Ingredients are points; a soup is their mean, scored by closeness to a target plus a bumpy term,
     * so averaging sometimes helps and sometimes hurts, as averaging weights does.
     */
    private static ToDoubleFunction<List<double[]>> score(double[] target, long seed) {
        Random random = new Random(seed);
        double phase = random.nextDouble() * 10;
        return soup -> {
            double[] mean = new double[target.length];
            soup.forEach(point -> {
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += point[i] / soup.size();
                }
            });
            double distance = 0;
            for (int i = 0; i < mean.length; i++) {
                distance += (mean[i] - target[i]) * (mean[i] - target[i]);
            }
            return -distance + 0.3 * Math.sin(7 * mean[0] + phase);
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})
    void aGreedySoupNeverScoresBelowItsBestIngredientOnTheSelectionRows(long seed) {
        Random random = new Random(seed);
        List<double[]> ingredients = new ArrayList<>();
        for (int k = 0; k < 2 + random.nextInt(6); k++) {
            ingredients.add(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
        }
        ToDoubleFunction<List<double[]>> score = score(new double[] {0.2, -0.1, 0.4}, seed);
        Soups.Soup<double[]> soup = Soups.greedy(ingredients, score);
        double bestAlone = ingredients.stream().mapToDouble(point -> score.applyAsDouble(List.of(point))).max().orElseThrow();
        assertTrue(soup.score() >= bestAlone, "seed " + seed + ": soup " + soup.score() + " below best ingredient " + bestAlone);
        assertEquals(score.applyAsDouble(soup.ingredients()), soup.score(), 1e-12, "seed " + seed + ": the reported score is the soup's");
        assertEquals(ingredients.size(), soup.steps().size(), "seed " + seed + ": every ingredient is tried once");
        assertEquals(bestAlone, soup.steps().get(0).alone(), 0.0, "seed " + seed + ": the best ingredient goes first");
        for (int s = 1; s < soup.steps().size(); s++) {
            Soups.Step<double[]> step = soup.steps().get(s);
            assertTrue(soup.steps().get(s - 1).alone() >= step.alone(), "seed " + seed + ": tried in order of their own score");
            assertEquals(step.tried() >= soup.steps().get(s - 1).soup(), step.added(), "seed " + seed + ": step " + s);
            assertTrue(step.soup() >= soup.steps().get(s - 1).soup(), "seed " + seed + ": the soup's score never drops");
        }
    }

    @Test
    void anIngredientThatLowersTheSoupStaysOut() {
        double[] good = {0.0};
        double[] alsoGood = {0.1};
        double[] far = {5.0};
        ToDoubleFunction<List<double[]>> score = soup -> -Math.abs(soup.stream().mapToDouble(p -> p[0]).average().orElseThrow() - 0.05);
        Soups.Soup<double[]> soup = Soups.greedy(List.of(far, alsoGood, good), score);
        assertEquals(List.of(alsoGood, good), soup.ingredients(), "ties keep the given order; together they hit the target");
        assertEquals(far, soup.steps().get(2).ingredient());
        assertFalse(soup.steps().get(2).added());
        assertEquals(0.0, soup.score(), 1e-12);
    }

    @Test
    void aUniformSoupTakesEveryIngredientInTheGivenOrderWithTheScoreAfterEach() {
        ToDoubleFunction<List<double[]>> score = soup -> soup.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        Soups.Soup<double[]> soup = Soups.uniform(List.of(new double[] {1}, new double[] {3}, new double[] {8}), score);
        assertEquals(3, soup.ingredients().size());
        assertEquals(List.of(1.0, 2.0, 4.0), soup.steps().stream().map(Soups.Step::soup).toList());
        assertEquals(List.of(1.0, 3.0, 8.0), soup.steps().stream().map(Soups.Step::alone).toList());
        assertEquals(4.0, soup.score(), 0.0);
    }
}
