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
 * the fine-tuned model and keeps the alpha its rule picks on validation. With {@code start-from}, the
 * host loads a saved theta_0 and fine-tuning picks the schedule up where that theta_0 was kept.
 */
final class PretrainFinetune implements TrainingStrategy {

    private final PretrainFinetuneParams params;

    PretrainFinetune(PretrainFinetuneParams params) {
        this.params = params;
    }

    @Override
    public void train(TrainingSession session) {
        if (params.startFrom() == null && session.trainingRows(Tasks.GENERAL) == 0) {
            throw new InvalidInputException("pretrain-finetune pre-trains on the general task, which has no labelled "
                    + "training rows; configure data.general (or choose the supervised strategy)");
        }
        boolean auto = params.freeze().equals(PretrainFinetuneParams.FREEZE_AUTO);
        if (!auto) {
            // A bad layer name fails before pre-training does any work.
            schedule(session, params.freeze());
        }
        Interpolation interpolation = params.interpolate();
        boolean probeFirst = interpolation != null && params.unfreezeEvery() == 0;
        int keepAfter = probeFirst ? 0 : Math.min(params.unfreezeEvery(), params.epochs());
        if (params.startFrom() != null) {
            if (keepAfter >= params.epochs()) {
                throw new InvalidInputException("strategy.start-from: theta_0 is kept after the " + keepAfter
                        + " head-only epochs of fine-tuning, which leaves none of its " + params.epochs()
                        + " epochs to run from it; raise strategy.epochs or lower strategy.unfreeze-every");
            }
            session.startFrom(params.startFrom());
        } else {
            session.fit(Phase.named("pretrain")
                    .task(Tasks.GENERAL)
                    .epochs(params.pretrainEpochs())
                    .batchSize(params.pretrainBatchSize())
                    .learningRate(params.pretrainLearningRate())
                    .build());
        }
        String freeze = params.freeze();
        if (auto) {
            LayerChoice choice = AutoFreeze.choose(session, params.freezeScore(), params.freezeTolerance(), params.freezeRows());
            session.reportLayerChoice(choice);
            freeze = choice.freeze();
        }
        FineTuneSchedule schedule = schedule(session, freeze);
        if (interpolation != null && !trunkTrainsFrom(schedule, keepAfter)) {
            throw new InvalidInputException("strategy.interpolate: the trunk never trains after theta_0 (freeze: "
                    + (auto ? "auto, chose " + freeze : freeze) + ", unfreeze-every: " + params.unfreezeEvery() + ", epochs: " + params.epochs()
                    + "), so only the specific head would move and the general side of the curve would be flat; "
                    + "let the trunk train in fine-tuning or drop interpolate");
        }
        session.specificTrainingStarts();
        Phase.Builder finetune = Phase.named("finetune")
                .task(Tasks.SPECIFIC)
                .batchSize(params.batchSize())
                .learningRate(params.learningRate())
                .earlyStopping(params.earlyStopping())
                .averageWeights(params.average())
                .seed(params.finetuneSeed());
        if (params.startFrom() != null) {
            finetune.epochs(params.epochs() - keepAfter).layerRates(epoch -> schedule.at(epoch + keepAfter));
        } else {
            if (probeFirst) {
                probe(session, interpolation.probeEpochs());
            }
            finetune.epochs(params.epochs()).layerRates(schedule).keepStartingPointAfter(keepAfter);
        }
        session.fit(finetune.build());
        if (interpolation != null) {
            session.interpolate(interpolation);
        }
    }

    /** The specific head alone on the pre-trained trunk (LP-FT's probe), so that theta_0's head is a trained linear probe. */
    private void probe(TrainingSession session, int epochs) {
        Map<String, Double> trunkFrozen = new LinkedHashMap<>();
        session.model().trunkLayers().forEach(layer -> trunkFrozen.put(layer, 0.0));
        session.fit(Phase.named("probe")
                .task(Tasks.SPECIFIC)
                .epochs(epochs)
                .batchSize(params.batchSize())
                .learningRate(params.learningRate())
                .layerRates(epoch -> trunkFrozen)
                .seed(params.finetuneSeed())
                .build());
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
