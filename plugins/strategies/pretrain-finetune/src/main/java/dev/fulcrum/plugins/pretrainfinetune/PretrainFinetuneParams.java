package dev.fulcrum.plugins.pretrainfinetune;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.train.EarlyStopping;
import dev.fulcrum.api.train.Interpolation;

/**
 * The defaults follow ULMFiT (Howard and Ruder, 2018): the new head learns alone first, then one more
 * trunk layer joins every {@code unfreeze-every} epochs from the top down, each layer at the rate of
 * the one above divided by 2.6. Learning the head before the trunk moves also keeps the pre-trained
 * features from being distorted by a random head's gradients (Kumar et al., 2022, "LP-FT"), which is
 * what keeps the general task: on the Fashion-MNIST example the defaults keep 0.86 of its 0.88.
 *
 * <p>{@code interpolate} (WiSE-FT, Wortsman et al. 2022) interpolates between theta_0, kept after the
 * {@code unfreeze-every} head-only epochs so that its specific head is a trained linear probe, and the
 * fine-tuned model. With {@code unfreeze-every: 0} there are no head-only epochs, so a {@code probe}
 * phase trains the specific head alone for {@code interpolate.probe-epochs} first (LP-FT). theta_0 is
 * saved as {@code theta0.zip} whether or not {@code interpolate} is on.
 */
public record PretrainFinetuneParams(
        @Doc("epochs of pre-training on the general task (trunk and general head)") @AtLeast(1) Integer pretrainEpochs,
        @Doc("rows per mini-batch in pre-training") @AtLeast(1) Integer pretrainBatchSize,
        @Doc("Adam learning rate in pre-training") @Positive Double pretrainLearningRate,
        @Doc("epochs of fine-tuning on the specific task") @AtLeast(1) Integer epochs,
        @Doc("rows per mini-batch in fine-tuning; small, as specific data is usually scarce") @AtLeast(1) Integer batchSize,
        @Doc("Adam learning rate of the specific head in fine-tuning; trunk layers get it divided by lr-decay per layer below the head") @Positive Double learningRate,
        @Doc("trunk layers that never train in fine-tuning: none, trunk (all), a trunk layer's name (it and every layer below it), or auto (chosen after pre-training by freeze-score, see freeze-tolerance)") String freeze,
        @Doc("with freeze: auto, what scores each cut for the specific task on its training rows: logme (LogME of the layer's output, default) or probe (a linear probe's accuracy, trained on every other row and scored on the rest)") String freezeScore,
        @Doc("with freeze: auto, freeze at the deepest cut whose score is within this of the best (in the score's units: nats per row for logme, accuracy for probe; default 0.01)") @AtLeast(0) Double freezeTolerance,
        @Doc("with freeze: auto, the most specific training rows to score on (a seeded sample where there are more; default 2000)") @AtLeast(2) Integer freezeRows,
        @Doc("gradual unfreezing: the head trains alone for this many epochs, then every this many epochs the next trunk layer from the top joins (0: all at once)") @AtLeast(0) Integer unfreezeEvery,
        @Doc("discriminative learning rates: each trunk layer trains at the rate of the layer above divided by this (1: one rate for all)") @AtLeast(1) Double lrDecay,
        @Doc("stop fine-tuning when a validation metric stops improving, keeping the best epoch (none: run every epoch)") EarlyStopping earlyStopping,
        @Doc("after fine-tuning, interpolate every weight between theta_0 (the model after the head-only epochs) and the fine-tuned model and keep the best alpha on validation (WiSE-FT); {} turns it on with the defaults, none: off") Interpolation interpolate) {

    public static final String FREEZE_NONE = "none";
    public static final String FREEZE_TRUNK = "trunk";
    public static final String FREEZE_AUTO = "auto";

    public PretrainFinetuneParams {
        pretrainEpochs = pretrainEpochs == null ? 3 : pretrainEpochs;
        pretrainBatchSize = pretrainBatchSize == null ? 128 : pretrainBatchSize;
        pretrainLearningRate = pretrainLearningRate == null ? 1e-3 : pretrainLearningRate;
        epochs = epochs == null ? 40 : epochs;
        batchSize = batchSize == null ? 16 : batchSize;
        learningRate = learningRate == null ? 1e-3 : learningRate;
        freeze = freeze == null ? FREEZE_NONE : freeze;
        unfreezeEvery = unfreezeEvery == null ? 10 : unfreezeEvery;
        lrDecay = lrDecay == null ? 2.6 : lrDecay;
        if (freeze.isBlank()) {
            throw new InvalidParamsException("freeze", "expected none, trunk, auto or a trunk layer's name, got \"\"");
        }
        if (freeze.equals(FREEZE_AUTO)) {
            freezeScore = freezeScore == null ? AutoFreeze.SCORE_LOGME : freezeScore;
            if (!freezeScore.equals(AutoFreeze.SCORE_LOGME) && !freezeScore.equals(AutoFreeze.SCORE_PROBE)) {
                throw new InvalidParamsException("freeze-score", "expected logme or probe, got \"" + freezeScore + "\"");
            }
            freezeTolerance = freezeTolerance == null ? 0.01 : freezeTolerance;
            freezeRows = freezeRows == null ? 2000 : freezeRows;
        } else {
            onlyWithAuto("freeze-score", freezeScore, freeze);
            onlyWithAuto("freeze-tolerance", freezeTolerance, freeze);
            onlyWithAuto("freeze-rows", freezeRows, freeze);
        }
    }

    /** The freeze-* params are left unset (null) unless freeze is auto, so that the config shows only what applies. */
    private static void onlyWithAuto(String field, Object value, String freeze) {
        if (value != null) {
            throw new InvalidParamsException(field, "applies only with freeze: auto, but freeze is " + freeze);
        }
    }
}
