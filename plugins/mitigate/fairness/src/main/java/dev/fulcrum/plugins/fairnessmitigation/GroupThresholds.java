package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.mitigate.DecisionRule;
import dev.fulcrum.math.rows.Groups;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted threshold optimizer: a row is given the positive class when its score for that class is
 * at or above its group's threshold. A group the validation rows did not have gets the model's own
 * decision, the most probable class, and a warning.
 */
final class GroupThresholds implements DecisionRule {

    private static final Logger log = LoggerFactory.getLogger(GroupThresholds.class);

    /** One group's threshold, with the rate and weight it had on the validation rows. */
    record Group(List<String> values, double threshold, double validationRate, double validationWeight) {
    }

    private final Constraint constraint;
    private final List<String> attributes;
    private final int positive;
    private final String positiveClass;
    private final List<Group> groups;
    private final double validationGap;
    private final double validationAccuracy;
    private final double tolerance;
    private final Map<List<String>, Double> thresholds = new HashMap<>();

    GroupThresholds(Constraint constraint, List<String> attributes, int positive, String positiveClass, List<Group> groups,
                    double validationGap, double validationAccuracy, double tolerance) {
        this.constraint = constraint;
        this.attributes = List.copyOf(attributes);
        this.positive = positive;
        this.positiveClass = positiveClass;
        this.groups = List.copyOf(groups);
        this.validationGap = validationGap;
        this.validationAccuracy = validationAccuracy;
        this.tolerance = tolerance;
        groups.forEach(group -> thresholds.put(group.values(), group.threshold()));
    }

    @Override
    public List<String> attributes() {
        return attributes;
    }

    @Override
    public int[] decide(INDArray probabilities, Map<String, String[]> sensitive) {
        Groups rows = Groups.of(sensitive, attributes);
        double[] thresholdOf = new double[rows.count()];
        List<String> unseen = new ArrayList<>();
        for (int g = 0; g < rows.count(); g++) {
            thresholdOf[g] = thresholds.getOrDefault(rows.values(g), Double.NaN);
            if (Double.isNaN(thresholdOf[g])) {
                unseen.add(rows.name(g));
            }
        }
        if (!unseen.isEmpty()) {
            log.warn("threshold-optimizer: groups {} were not in the validation rows; their rows get the most probable class", unseen);
        }
        float[] score = probabilities.getColumn(positive).toFloatVector();
        float[] otherScore = probabilities.getColumn(1 - positive).toFloatVector();
        int[] decisions = new int[score.length];
        for (int i = 0; i < score.length; i++) {
            double threshold = thresholdOf[rows.code(i)];
            boolean selected = Double.isNaN(threshold)
                    ? score[i] > otherScore[i] || (score[i] == otherScore[i] && positive == 0)
                    : score[i] >= threshold;
            decisions[i] = selected ? positive : 1 - positive;
        }
        return decisions;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("constraint", constraint.key());
        state.put("attributes", attributes);
        state.put("positive_class", positiveClass);
        state.put("positive_index", positive);
        List<Object> groupList = new ArrayList<>();
        for (Group group : groups) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("group", String.join(Groups.JOIN, group.values()));
            node.put("values", group.values());
            node.put("threshold", group.threshold());
            node.put("validation_rate", group.validationRate());
            node.put("validation_weight", group.validationWeight());
            groupList.add(node);
        }
        state.put("groups", groupList);
        state.put("validation_rate_gap", validationGap);
        state.put("validation_accuracy", validationAccuracy);
        state.put("tolerance", tolerance);
        return state;
    }

    /** The rule {@link #state()} describes. */
    @SuppressWarnings("unchecked")
    static GroupThresholds restore(Map<String, Object> state) {
        try {
            List<Group> groups = new ArrayList<>();
            for (Object item : (List<Object>) state.get("groups")) {
                Map<String, Object> node = (Map<String, Object>) item;
                groups.add(new Group(List.copyOf((List<String>) node.get("values")), number(node, "threshold"),
                        number(node, "validation_rate"), number(node, "validation_weight")));
            }
            return new GroupThresholds(Constraint.parse((String) state.get("constraint")), (List<String>) state.get("attributes"),
                    (int) number(state, "positive_index"), (String) state.get("positive_class"), groups,
                    number(state, "validation_rate_gap"), number(state, "validation_accuracy"), number(state, "tolerance"));
        } catch (ClassCastException | NullPointerException e) {
            throw new InvalidInputException("threshold-optimizer: the saved thresholds are incomplete or malformed: " + state, e);
        }
    }

    private static double number(Map<String, Object> node, String key) {
        return ((Number) node.get(key)).doubleValue();
    }
}
