package dev.fulcrum.core.train;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.math.weights.EqualAverage;
import dev.fulcrum.math.weights.ParameterTables;
import dev.fulcrum.math.weights.Soups;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A model soup of fine-tunes of one theta_0 (Wortsman et al. 2022, arXiv 2203.05482): the equal
 * average of the chosen members' weights, BatchNorm statistics measured again on the training rows
 * (not averaged), scored by {@link TwoSidedScore} on the validation rows. {@code uniform} averages
 * every member; {@code greedy} follows {@link Soups#greedy}. Only parameters are averaged: saved
 * models carry no updater state.
 */
public final class ModelSoup {

    public static final String UNIFORM = "uniform";
    public static final String GREEDY = "greedy";
    /** How a soup is scored on validation. */
    public static final String SCORE = TwoSidedScore.DESCRIPTION;

    /**
     * What the soup is made of.
     *
     * @param ingredients member numbers (from 1), in the order they went in
     * @param steps       every member tried (numbers from 1), in order
     */
    public record Outcome(String recipe, String score, List<Integer> ingredients, double validationScore,
                          List<Soups.Step<Integer>> steps) {
    }

    private ModelSoup() {
    }

    /**
     * Leaves {@code target} at the soup.
     *
     * @param members each member's parameter table, all of {@code target}'s graph
     * @throws dev.fulcrum.math.weights.MismatchedParametersException naming a parameter where a member's graph differs
     */
    public static Outcome cook(String recipe, List<Map<String, INDArray>> members, TrainableModel target, Dataset data) {
        ComputationGraph graph = target.graph();
        for (int k = 0; k < members.size(); k++) {
            ParameterTables.requireSame(members.get(k), "member " + (k + 1), graph.paramTable(), "member 1");
        }
        BatchNormStatistics statistics = new BatchNormStatistics(graph);
        Set<String> statisticsParameters = statistics.parameters();
        int[] trainingRows = data.rowsIn(Partition.TRAIN);
        List<Integer> numbers = IntStream.rangeClosed(1, members.size()).boxed().toList();
        ToDoubleFunction<List<Integer>> score = chosen -> {
            List<Map<String, INDArray>> tables = new ArrayList<>();
            chosen.forEach(number -> tables.add(members.get(number - 1)));
            EqualAverage.of(tables, statisticsParameters).forEach(graph::setParam);
            if (!statisticsParameters.isEmpty()) {
                statistics.reestimate(data.features(), trainingRows);
            }
            return TwoSidedScore.of(Evaluator.evaluate(target, data, Partition.VALIDATION));
        };
        Soups.Soup<Integer> soup = switch (recipe) {
            case UNIFORM -> Soups.uniform(numbers, score);
            case GREEDY -> Soups.greedy(numbers, score);
            default -> throw new IllegalArgumentException("unknown soup recipe " + recipe + "; expected uniform or greedy");
        };
        score.applyAsDouble(soup.ingredients());
        return new Outcome(recipe, TwoSidedScore.DESCRIPTION, soup.ingredients(), soup.score(), soup.steps());
    }
}
