package dev.fulcrum.plugins.pretrainfinetune;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.train.Interpolation;
import dev.fulcrum.api.train.LayerChoice;
import dev.fulcrum.api.train.Phase;
import dev.fulcrum.api.train.TrainingSession;
import dev.fulcrum.api.train.TrainingStrategy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pre-trains the trunk and the general head on the general task, then fine-tunes on the specific
 * task. The specific head, untouched by pre-training (the host freezes heads outside a phase), starts
 * fresh; the general head stays frozen in fine-tuning, so what the general task loses is what the
 * trunk's fine-tuning costs it. theta_0 is the model once the specific head has trained alone (after
 * {@code unfreeze-every} epochs of fine-tuning, or after a {@code probe} phase where an interpolation
 * needs one); with {@code interpolate}, the host then moves the model along the line from theta_0 to
 * the fine-tuned model and keeps the alpha its rule picks on validation.
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
        boolean auto = params.freeze().equals(PretrainFinetuneParams.FREEZE_AUTO);
        if (!auto) {
            // A bad layer name fails before pre-training does any work.
            schedule(session, params.freeze());
        }
        session.fit(Phase.named("pretrain")
                .task(Tasks.GENERAL)
                .epochs(params.pretrainEpochs())
                .batchSize(params.pretrainBatchSize())
                .learningRate(params.pretrainLearningRate())
                .build());
        String freeze = params.freeze();
        if (auto) {
            LayerChoice choice = AutoFreeze.choose(session, params.freezeScore(), params.freezeTolerance(), params.freezeRows());
            session.reportLayerChoice(choice);
            freeze = choice.freeze();
        }
        FineTuneSchedule schedule = schedule(session, freeze);
        Interpolation interpolation = params.interpolate();
        boolean probeFirst = interpolation != null && params.unfreezeEvery() == 0;
        int keepAfter = probeFirst ? 0 : Math.min(params.unfreezeEvery(), params.epochs());
        if (interpolation != null && !trunkTrainsFrom(schedule, keepAfter)) {
            throw new InvalidInputException("strategy.interpolate: the trunk never trains after theta_0 (freeze: "
                    + (auto ? "auto, chose " + freeze : freeze) + ", unfreeze-every: " + params.unfreezeEvery() + ", epochs: " + params.epochs()
                    + "), so only the specific head would move and the general side of the curve would be flat; "
                    + "let the trunk train in fine-tuning or drop interpolate");
        }
        session.specificTrainingStarts();
        if (probeFirst) {
            Map<String, Double> trunkFrozen = new LinkedHashMap<>();
            session.model().trunkLayers().forEach(layer -> trunkFrozen.put(layer, 0.0));
            session.fit(Phase.named("probe")
                    .task(Tasks.SPECIFIC)
                    .epochs(interpolation.probeEpochs())
                    .batchSize(params.batchSize())
                    .learningRate(params.learningRate())
                    .layerRates(epoch -> trunkFrozen)
                    .build());
        }
        session.fit(Phase.named("finetune")
                .task(Tasks.SPECIFIC)
                .epochs(params.epochs())
                .batchSize(params.batchSize())
                .learningRate(params.learningRate())
                .layerRates(schedule)
                .earlyStopping(params.earlyStopping())
                .keepStartingPointAfter(keepAfter)
                .build());
        if (interpolation != null) {
            session.interpolate(interpolation);
        }
    }

    private FineTuneSchedule schedule(TrainingSession session, String freeze) {
        return new FineTuneSchedule(session.model().trunkLayers(), freeze, params.unfreezeEvery(), params.lrDecay());
    }

    private boolean trunkTrainsFrom(FineTuneSchedule schedule, int epoch) {
        for (int e = epoch; e < params.epochs(); e++) {
            if (schedule.at(e).values().stream().anyMatch(rate -> rate > 0)) {
                return true;
            }
        }
        return false;
    }
}
