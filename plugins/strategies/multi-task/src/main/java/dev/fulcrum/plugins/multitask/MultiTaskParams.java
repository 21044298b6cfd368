package dev.fulcrum.plugins.multitask;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.params.Range;
import dev.fulcrum.api.train.EarlyStopping;
import dev.fulcrum.api.train.WeightAveraging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The defaults are those of hard parameter sharing as Caruana (1997) and Ruder (2017) describe it:
 * one trunk, a head per task, the sum of the tasks' losses; each mini-batch holds 128 general and 32
 * specific rows, so the scarce specific rows are seen again and again while the general ones keep
 * the trunk general.
 */
public record MultiTaskParams(
        @Doc("epochs; one epoch is one pass over the general rows, the specific rows being cycled through") @AtLeast(1) Integer epochs,
        @Doc("rows per mini-batch, general and specific together") @AtLeast(2) Integer batchSize,
        @Doc("Adam learning rate") @Positive Double learningRate,
        @Doc("share of every mini-batch taken from the specific rows, the rest from the general rows") @Range("(0, 1)") Double specificShare,
        @Doc("loss weight of each task, e.g. {general: 1.0, specific: 2.0}; each task's loss is the mean over its rows in the batch") Map<String, @Positive Double> lossWeights,
        @Doc("learning rate over the epochs: constant, or cosine (from the learning rate towards 0, one step per epoch)") String lrSchedule,
        @Doc("stop when a validation metric stops improving, keeping the best epoch (none: run every epoch)") EarlyStopping earlyStopping,
        @Doc("end training at an average of its weights: swa over the last epochs or an ema of every mini-batch (Izmailov et al. 2018), BatchNorm statistics measured again; {} is swa over the last 5 epochs, none: off") WeightAveraging average) {

    public static final String CONSTANT = "constant";
    public static final String COSINE = "cosine";

    public MultiTaskParams {
        epochs = epochs == null ? 3 : epochs;
        batchSize = batchSize == null ? 160 : batchSize;
        learningRate = learningRate == null ? 1e-3 : learningRate;
        specificShare = specificShare == null ? 0.2 : specificShare;
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put(Tasks.GENERAL, 1.0);
        weights.put(Tasks.SPECIFIC, 1.0);
        if (lossWeights != null) {
            for (Map.Entry<String, Double> weight : lossWeights.entrySet()) {
                if (!weights.containsKey(weight.getKey())) {
                    throw new InvalidParamsException("loss-weights." + weight.getKey(), "unknown task; the tasks are general and specific");
                }
                weights.put(weight.getKey(), weight.getValue());
            }
        }
        lossWeights = java.util.Collections.unmodifiableMap(weights);
        lrSchedule = lrSchedule == null ? COSINE : lrSchedule;
        if (!lrSchedule.equals(CONSTANT) && !lrSchedule.equals(COSINE)) {
            throw new InvalidParamsException("lr-schedule", "expected constant or cosine, got \"" + lrSchedule + "\"");
        }
    }
}
