package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.audit.AuditInput;
import dev.fulcrum.api.mitigate.DecisionRule;
import dev.fulcrum.api.mitigate.PostProcessingMitigator;
import dev.fulcrum.math.rows.Groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Post-processing with one decision threshold per group (Hardt, Price and Srebro, "Equality of
 * Opportunity in Supervised Learning", NeurIPS 2016; Fairlearn's ThresholdOptimizer), chosen on
 * validation data: for every rate a group can reach, each group takes the threshold whose rate
 * (selection rate for demographic parity, true positive rate for equal opportunity) comes closest
 * to it; of these choices, the most accurate whose rates lie within the tolerance of each other
 * wins (or, if none does, the one whose rates lie closest). Unlike Fairlearn, which randomises
 * between two thresholds to meet the constraint exactly, the rule is deterministic: the same score
 * in the same group always gets the same decision. Sample weights count throughout.
 */
final class ThresholdOptimizer implements PostProcessingMitigator {

    private final ThresholdOptimizerParams params;

    ThresholdOptimizer(ThresholdOptimizerParams params) {
        this.params = params;
    }

    @Override
    public DecisionRule fit(AuditInput validation) {
        List<String> classes = validation.classes();
        if (classes.size() != 2) {
            throw new InvalidInputException("threshold-optimizer decides between two classes; the task has " + classes);
        }
        if (validation.probabilities() == null) {
            throw new InvalidInputException("threshold-optimizer needs the model's probabilities, not only its decisions");
        }
        int positive = positiveClass(classes);
        Constraint constraint = Constraint.parse(params.constraint());
        List<String> attributes = params.attributes() != null ? params.attributes() : List.copyOf(validation.sensitive().keySet());
        if (attributes.isEmpty()) {
            throw new InvalidInputException("threshold-optimizer: the data has no sensitive attributes; name them in the data source");
        }
        Groups groups = Groups.of(validation.sensitive(), attributes);
        float[] scores = validation.probabilities().getColumn(positive).toFloatVector();
        boolean[] isPositive = new boolean[validation.rows()];
        for (int i = 0; i < isPositive.length; i++) {
            isPositive[i] = validation.labels()[i] == positive;
        }
        GroupScores[] byGroup = new GroupScores[groups.count()];
        for (int g = 0; g < groups.count(); g++) {
            byGroup[g] = GroupScores.of(rowsByDescendingScore(groups, g, scores), scores, isPositive, validation.weights());
            if (constraint == Constraint.EQUAL_OPPORTUNITY && byGroup[g].positives() == 0) {
                throw new InvalidInputException("threshold-optimizer: group " + groups.name(g) + " has no validation rows of class "
                        + classes.get(positive) + ", so its true positive rate is undefined; use demographic-parity or fewer attributes");
            }
            if (byGroup[g].weight() == 0) {
                throw new InvalidInputException("threshold-optimizer: the validation rows of group " + groups.name(g) + " weigh 0");
            }
        }
        int[] chosen = search(byGroup, constraint);
        List<GroupThresholds.Group> thresholds = new ArrayList<>();
        double correct = 0;
        double weight = 0;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < groups.count(); g++) {
            GroupScores group = byGroup[g];
            double rate = group.rate(chosen[g], constraint);
            thresholds.add(new GroupThresholds.Group(groups.values(g), group.threshold(chosen[g]), rate, group.weight()));
            correct += group.correct(chosen[g]);
            weight += group.weight();
            lowest = Math.min(lowest, rate);
            highest = Math.max(highest, rate);
        }
        return new GroupThresholds(constraint, attributes, positive, classes.get(positive), thresholds, highest - lowest,
                correct / weight, params.tolerance());
    }

    /** Per group, the number of top score levels to select. */
    private int[] search(GroupScores[] groups, Constraint constraint) {
        TreeSet<Double> targets = new TreeSet<>();
        for (GroupScores group : groups) {
            Arrays.stream(group.rates(constraint)).forEach(targets::add);
        }
        int[] best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        double bestCorrect = Double.NEGATIVE_INFINITY;
        for (double target : targets) {
            int[] choice = new int[groups.length];
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            double correct = 0;
            for (int g = 0; g < groups.length; g++) {
                choice[g] = groups[g].closest(target, constraint);
                double rate = groups[g].rate(choice[g], constraint);
                lowest = Math.min(lowest, rate);
                highest = Math.max(highest, rate);
                correct += groups[g].correct(choice[g]);
            }
            double gap = highest - lowest;
            if (best == null || isBetter(gap, correct, bestGap, bestCorrect)) {
                best = choice;
                bestGap = gap;
                bestCorrect = correct;
            }
        }
        return best;
    }

    /** Within tolerance, the more accurate wins; outside it, the smaller gap. */
    private boolean isBetter(double gap, double correct, double bestGap, double bestCorrect) {
        boolean fair = gap <= params.tolerance();
        boolean bestFair = bestGap <= params.tolerance();
        if (fair != bestFair) {
            return fair;
        }
        if (fair) {
            return correct > bestCorrect || (correct == bestCorrect && gap < bestGap);
        }
        return gap < bestGap || (gap == bestGap && correct > bestCorrect);
    }

    private static int[] rowsByDescendingScore(Groups groups, int group, float[] scores) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < groups.rows(); i++) {
            if (groups.code(i) == group) {
                rows.add(i);
            }
        }
        rows.sort(Comparator.comparingDouble((Integer row) -> scores[row]).reversed().thenComparing(row -> row));
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private int positiveClass(List<String> classes) {
        if (params.positiveClass() == null) {
            return 1;
        }
        int index = classes.indexOf(params.positiveClass());
        if (index < 0) {
            throw new InvalidInputException("threshold-optimizer: positive-class \"" + params.positiveClass()
                    + "\" is not a class of the task; classes are " + classes);
        }
        return index;
    }

    @Override
    public DecisionRule restore(Map<String, Object> state) {
        return GroupThresholds.restore(state);
    }
}
