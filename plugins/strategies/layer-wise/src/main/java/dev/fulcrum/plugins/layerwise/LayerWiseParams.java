package dev.fulcrum.plugins.layerwise;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.params.Range;
import dev.fulcrum.api.train.Interpolation;

import java.util.List;

/**
 * Greedy layer-wise training (Bengio et al., 2007) trains one trunk layer at a time on top of the
 * ones already trained; progressive training (shallow first, then deeper layers added, as in
 * Karras et al., 2018) trains every layer reached so far. In a fixed graph, layers not yet reached
 * pass their input on at their initial weights, frozen. Where the stages train the general task alone
 * and the heads stage the specific one, theta_0 (saved as {@code theta0.zip}) is the model as the heads
 * stage starts.
 */
public record LayerWiseParams(
        @Doc("greedy (each stage trains only its own layers) or progressive (each stage trains every layer up to its last)") String mode,
        @Doc("the last trunk layer of each stage, input side first, e.g. [conv-2, dense-1] (none: one stage per trunk layer)") List<String> stages,
        @Doc("epochs per trunk stage") @AtLeast(1) Integer stageEpochs,
        @Doc("tasks whose heads train with the trunk stages (none: every task with training rows)") List<String> tasks,
        @Doc("when the stages train general and specific together, the share of each mini-batch from specific rows") @Range("(0, 1)") Double specificShare,
        @Doc("rows per mini-batch in the trunk stages") @AtLeast(2) Integer batchSize,
        @Doc("Adam learning rate in the trunk stages") @Positive Double learningRate,
        @Doc("tasks whose heads train last, on the frozen trunk") List<String> headTasks,
        @Doc("epochs of the final heads stage (0: none)") @AtLeast(0) Integer headEpochs,
        @Doc("rows per mini-batch in the heads stage") @AtLeast(1) Integer headBatchSize,
        @Doc("Adam learning rate in the heads stage") @Positive Double headLearningRate,
        @Doc("weight-space interpolation (WiSE-FT): not supported by layer-wise, whose heads stage freezes the trunk, so after theta_0 only the specific head moves; use pretrain-finetune's interpolate") Interpolation interpolate) {

    public static final String GREEDY = "greedy";
    public static final String PROGRESSIVE = "progressive";

    public LayerWiseParams {
        mode = mode == null ? PROGRESSIVE : mode;
        stages = stages == null ? null : List.copyOf(stages);
        stageEpochs = stageEpochs == null ? 2 : stageEpochs;
        tasks = tasks == null ? null : List.copyOf(tasks);
        specificShare = specificShare == null ? 0.2 : specificShare;
        batchSize = batchSize == null ? 160 : batchSize;
        learningRate = learningRate == null ? 1e-3 : learningRate;
        headTasks = headTasks == null ? List.of(Tasks.SPECIFIC) : List.copyOf(headTasks);
        headEpochs = headEpochs == null ? 20 : headEpochs;
        headBatchSize = headBatchSize == null ? 16 : headBatchSize;
        headLearningRate = headLearningRate == null ? 1e-3 : headLearningRate;
        if (!mode.equals(GREEDY) && !mode.equals(PROGRESSIVE)) {
            throw new InvalidParamsException("mode", "expected greedy or progressive, got \"" + mode + "\"");
        }
        if (stages != null && stages.isEmpty()) {
            throw new InvalidParamsException("stages", "name at least one layer, or leave it out for one stage per trunk layer");
        }
        if (tasks != null && tasks.isEmpty()) {
            throw new InvalidParamsException("tasks", "name at least one task, or leave it out for every task with training rows");
        }
        if (interpolate != null) {
            throw new InvalidParamsException("interpolate", "layer-wise keeps theta_0 as its heads stage starts, and that "
                    + "stage freezes the whole trunk, so only the specific head moves after theta_0 and the general side of "
                    + "the curve would be flat; pretrain-finetune's interpolate fine-tunes the trunk");
        }
        if (headEpochs > 0 && headTasks.isEmpty()) {
            throw new InvalidParamsException("head-tasks", "name at least one task, or set head-epochs to 0");
        }
    }
}
