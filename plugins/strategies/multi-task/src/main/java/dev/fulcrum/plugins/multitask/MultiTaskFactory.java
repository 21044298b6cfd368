package dev.fulcrum.plugins.multitask;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.train.LayerRates;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.api.train.TrainingStrategy;
import dev.fulcrum.api.train.TrainingStrategyFactory;
import org.pf4j.Extension;

import java.util.Map;

@Extension
public final class MultiTaskFactory implements TrainingStrategyFactory<MultiTaskParams> {

    @Override
    public String type() {
        return "multi-task";
    }

    @Override
    public String description() {
        return "One phase: the shared trunk and both heads learn together from mini-batches that mix general and "
                + "specific rows in a set share, with a loss weight per task.";
    }

    @Override
    public Class<MultiTaskParams> paramsType() {
        return MultiTaskParams.class;
    }

    @Override
    public TrainingStrategy create(MultiTaskParams params, RunContext context) {
        return session -> {
            if (session.trainingRows(Tasks.GENERAL) == 0) {
                throw new InvalidInputException("multi-task trains the general task alongside the specific one, but the "
                        + "general task has no labelled training rows; configure data.general (or choose the supervised strategy)");
            }
            session.fit(Phase.named("multi-task")
                    .task(Tasks.GENERAL, params.lossWeights().get(Tasks.GENERAL))
                    .task(Tasks.SPECIFIC, params.lossWeights().get(Tasks.SPECIFIC))
                    .rowShares(Map.of(Tasks.GENERAL, 1 - params.specificShare(), Tasks.SPECIFIC, params.specificShare()))
                    .epochs(params.epochs())
                    .batchSize(params.batchSize())
                    .learningRate(params.learningRate())
                    .layerRates(params.lrSchedule().equals(MultiTaskParams.COSINE)
                            ? new CosineSchedule(session.model().allLayers(), params.epochs()) : LayerRates.UNIFORM)
                    .earlyStopping(params.earlyStopping())
                    .averageWeights(params.average())
                    .build());
        };
    }
}
