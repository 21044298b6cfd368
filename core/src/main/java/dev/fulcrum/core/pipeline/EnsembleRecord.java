package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.core.train.EnsembleProbabilities;
import dev.fulcrum.core.train.Evaluator;
import dev.fulcrum.core.train.Evaluator.TaskEvaluation;
import dev.fulcrum.core.train.ModelSoup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An output ensemble, or a soup of saved runs, as the summary reports it: its members, how they differ
 * and how they are combined.
 *
 * @param vary          {@code seed}, {@code bootstrap}, or {@code runs} for saved runs combined by {@code fulcrum ensemble}
 * @param combine       the combination rule's name ({@code uniform-soup}, {@code greedy-soup} for a soup)
 * @param probabilities the combined outputs of an output ensemble; {@code null} for a soup, which is one model
 * @param soup          how a soup was made, with its theta_0's SHA-256; {@code null} for an output ensemble
 */
record EnsembleRecord(String vary, String combine, List<Member> members, EnsembleProbabilities probabilities,
                      ModelSoup.Outcome soup, String soupTheta0Sha256) {

    EnsembleRecord {
        members = List.copyOf(members);
    }

    EnsembleRecord(String vary, String combine, List<Member> members, EnsembleProbabilities probabilities) {
        this(vary, combine, members, probabilities, null, null);
    }

    /** A member's figures on validation and test, computed as the run's own are. */
    static Map<String, Map<String, TaskEvaluation>> evaluations(TrainableModel member, Dataset data) {
        Map<String, Map<String, TaskEvaluation>> evaluations = new LinkedHashMap<>();
        for (Partition partition : new Partition[] {Partition.VALIDATION, Partition.TEST}) {
            evaluations.put(TestStage.splitName(partition), Evaluator.evaluateInFull(member, data, partition));
        }
        return evaluations;
    }

    /**
     * One member.
     *
     * @param seed          the seed its streams derive from, or {@code null} for a saved run's model
     * @param run           the saved run it came from, or {@code null} for a member trained in this run
     * @param model         its {@code model.zip}, relative to the run folder; for a soup, the member run's own {@code model.zip}
     * @param bootstrapRows distinct training rows of its bootstrap sample, or {@code null} without bootstrap
     * @param evaluations   split (validation, test), then task
     * @param generalBefore its general test metrics when its specific training started, or {@code null}
     */
    record Member(int number, Long seed, String run, String model, String modelSha256, Integer bootstrapRows,
                  Map<String, Map<String, TaskEvaluation>> evaluations, Map<String, Double> generalBefore) {
    }
}
