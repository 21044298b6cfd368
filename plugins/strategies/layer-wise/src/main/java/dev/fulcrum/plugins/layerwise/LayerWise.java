package dev.fulcrum.plugins.layerwise;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.api.train.TrainingSession;
import dev.fulcrum.api.train.TrainingStrategy;

import java.util.List;
import java.util.Map;

/** Trunk stages from the input side, each a phase with the later layers frozen, then the heads on the frozen trunk. */
final class LayerWise implements TrainingStrategy {

    private final LayerWiseParams params;

    LayerWise(LayerWiseParams params) {
        this.params = params;
    }

    @Override
    public void train(TrainingSession session) {
        List<String> tasks = params.tasks() != null ? params.tasks()
                : session.schema().taskNames().stream().filter(task -> session.trainingRows(task) > 0).toList();
        if (tasks.isEmpty()) {
            throw new InvalidInputException("layer-wise: no task has labelled training rows");
        }
        TrunkStages stages = new TrunkStages(session.model().trunkLayers(), params.stages(),
                params.mode().equals(LayerWiseParams.GREEDY));
        for (int s = 0; s < stages.count(); s++) {
            Map<String, Double> rates = stages.rates(s);
            Phase.Builder phase = Phase.named("stage-" + (s + 1))
                    .epochs(params.stageEpochs())
                    .batchSize(params.batchSize())
                    .learningRate(params.learningRate())
                    .layerRates(epoch -> rates);
            tasks.forEach(phase::task);
            if (tasks.size() == 2 && tasks.contains(Tasks.GENERAL) && tasks.contains(Tasks.SPECIFIC)) {
                phase.rowShares(Map.of(Tasks.GENERAL, 1 - params.specificShare(), Tasks.SPECIFIC, params.specificShare()));
            }
            session.fit(phase.build());
        }
        if (params.headEpochs() == 0) {
            return;
        }
        boolean generalOnlyStretch = params.headTasks().contains(Tasks.SPECIFIC) && !tasks.contains(Tasks.SPECIFIC)
                && tasks.contains(Tasks.GENERAL);
        if (generalOnlyStretch) {
            session.specificTrainingStarts();
        }
        Phase.Builder heads = Phase.named("heads")
                .epochs(params.headEpochs())
                .batchSize(params.headBatchSize())
                .learningRate(params.headLearningRate())
                .layerRates(epoch -> stages.frozen());
        if (generalOnlyStretch) {
            heads.keepStartingPointAfter(0);
        }
        params.headTasks().forEach(heads::task);
        session.fit(heads.build());
    }
}
