package dev.fulcrum.plugins.supervised;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.train.EarlyStopping;
import dev.fulcrum.api.train.WeightAveraging;

import java.util.List;

public record SupervisedParams(
        @Doc("tasks whose heads are trained, together with the trunk; [specific] trains on the specific task only") List<String> tasks,
        @Doc("maximum number of epochs") @AtLeast(1) Integer epochs,
        @Doc("rows per mini-batch") @AtLeast(1) Integer batchSize,
        @Doc("Adam learning rate") @Positive Double learningRate,
        @Doc("stop when a validation metric stops improving, and keep the best epoch's weights") EarlyStopping earlyStopping,
        @Doc("end training at an average of its weights over the epochs it ran (to the early stop): swa over the last epochs or an ema of every mini-batch (Izmailov et al. 2018), BatchNorm statistics measured again; {} is swa over the last 5 epochs, none: off") WeightAveraging average) {

    public SupervisedParams {
        tasks = tasks == null ? List.of(Tasks.SPECIFIC) : List.copyOf(tasks);
        epochs = epochs == null ? 30 : epochs;
        batchSize = batchSize == null ? 64 : batchSize;
        learningRate = learningRate == null ? 1e-3 : learningRate;
        earlyStopping = earlyStopping == null ? new EarlyStopping(null, null, null, null) : earlyStopping;
        if (tasks.isEmpty()) {
            throw new InvalidParamsException("tasks", "name at least one task, e.g. [specific]");
        }
    }
}
