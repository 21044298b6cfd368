package dev.fulcrum.core.train;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.math.ensemble.CombineRule;
import dev.fulcrum.math.ensemble.Combiner;
import dev.fulcrum.runtime.Predictions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An output ensemble's probabilities: every member's, combined per task by a combiner fitted on the
 * validation rows labelled for that task (rows no member trained on).
 */
public final class EnsembleProbabilities implements ClassProbabilities {

    private final List<TrainableModel> members;
    private final Map<String, Combiner> combiners;

    private EnsembleProbabilities(List<TrainableModel> members, Map<String, Combiner> combiners) {
        this.members = List.copyOf(members);
        this.combiners = combiners;
    }

    /**
     * @param members models with the same outputs and classes, all taking {@code data}'s features
     * @param where   the config path or command option that chose the rule, for a message
     */
    public static EnsembleProbabilities fit(List<TrainableModel> members, CombineRule rule, Dataset data, String where) {
        Map<String, Combiner> combiners = new LinkedHashMap<>();
        for (String task : members.get(0).outputs()) {
            int[] rows = data.labelledRows(task, Partition.VALIDATION);
            if (!rule.learns()) {
                combiners.put(task, rule.voting(members.size()));
                continue;
            }
            if (rows.length == 0) {
                throw new InvalidInputException(where + ": " + rule.label() + " is fitted on validation rows, and task "
                        + task + " has no labelled validation rows; give the split a validation share or combine by soft");
            }
            int[] labels = new int[rows.length];
            int[] all = data.labels(task);
            for (int i = 0; i < rows.length; i++) {
                labels[i] = all[rows[i]];
            }
            combiners.put(task, rule.fit(memberProbabilities(members, data, rows, task), labels));
        }
        return new EnsembleProbabilities(members, combiners);
    }

    @Override
    public List<String> outputs() {
        return members.get(0).outputs();
    }

    @Override
    public Map<String, INDArray> of(Dataset data, int[] rows) {
        List<Map<String, INDArray>> perMember = new ArrayList<>();
        for (TrainableModel member : members) {
            perMember.add(Predictions.probabilities(member, data, rows));
        }
        Map<String, INDArray> combined = new LinkedHashMap<>();
        combiners.forEach((task, combiner) -> {
            List<float[][]> outputs = perMember.stream().map(p -> p.get(task).toFloatMatrix()).toList();
            combined.put(task, Nd4j.create(combiner.combine(outputs)));
        });
        return combined;
    }

    /** Per task, what its combiner learnt (empty for soft and hard voting). */
    public Map<String, Map<String, Object>> combinerStates() {
        Map<String, Map<String, Object>> states = new LinkedHashMap<>();
        combiners.forEach((task, combiner) -> states.put(task, combiner.state()));
        return states;
    }

    private static List<float[][]> memberProbabilities(List<TrainableModel> members, Dataset data, int[] rows, String task) {
        return members.stream().map(member -> Predictions.probabilities(member, data, rows).get(task).toFloatMatrix()).toList();
    }
}
