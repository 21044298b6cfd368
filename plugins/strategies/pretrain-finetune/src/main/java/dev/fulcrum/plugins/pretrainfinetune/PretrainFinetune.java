package dev.fulcrum.plugins.pretrainfinetune;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.api.train.TrainingSession;
import dev.fulcrum.api.train.TrainingStrategy;

/**
 * Pre-trains the trunk and the general head on the general task, then fine-tunes on the specific
 * task. The specific head, untouched by pre-training (the host freezes heads outside a phase), starts
 * fresh; the general head stays frozen in fine-tuning, so what the general task loses is what the
 * trunk's fine-tuning costs it.
 */
final class PretrainFinetune implements TrainingStrategy {

    private final PretrainFinetuneParams params;

    PretrainFinetune(PretrainFinetuneParams params) {
        this.params = params;
    }

    @Override
    public void train(TrainingSession session) {
        if (session.trainingRows(Tasks.GENERAL) == 0) {
            throw new InvalidInputException("pretrain-finetune pre-trains on the general task, which has no labelled "
                    + "training rows; configure data.general (or choose the supervised strategy)");
        }
        FineTuneSchedule schedule = new FineTuneSchedule(session.model().trunkLayers(), params.freeze(),
                params.unfreezeEvery(), params.lrDecay());
        session.fit(Phase.named("pretrain")
                .task(Tasks.GENERAL)
                .epochs(params.pretrainEpochs())
                .batchSize(params.pretrainBatchSize())
                .learningRate(params.pretrainLearningRate())
                .build());
        session.specificTrainingStarts();
        session.fit(Phase.named("finetune")
                .task(Tasks.SPECIFIC)
                .epochs(params.epochs())
                .batchSize(params.batchSize())
                .learningRate(params.learningRate())
                .layerRates(schedule)
                .earlyStopping(params.earlyStopping())
                .build());
    }
}
