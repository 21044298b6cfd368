package dev.fulcrum.plugins.dann;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.train.EarlyStopping;

import java.util.List;

public record DannParams(
        @Doc("tasks whose heads are trained with the trunk, on their labelled rows") List<String> tasks,
        @Doc("number of epochs; the reversal schedule runs over all of them") @AtLeast(1) Integer epochs,
        @Doc("rows per mini-batch, labelled and unlabelled together") @AtLeast(1) Integer batchSize,
        @Doc("Adam learning rate") @Positive Double learningRate,
        @Doc("sizes of the domain classifier's hidden layers") List<@AtLeast(1) Integer> domainHidden,
        @Doc("the reversal scale lambda that the schedule approaches at the end of training") @AtLeast(0) Double maxLambda,
        @Doc("steepness of the schedule lambda_p = max-lambda (2 / (1 + exp(-gamma p)) - 1); Ganin et al. use 10") @Positive Double gamma,
        @Doc("stop when a validation metric stops improving (validation rows are the labelled ones, mostly source); "
                + "none by default, since the schedule assumes all epochs run") EarlyStopping earlyStopping) {

    public DannParams {
        tasks = tasks == null ? List.of(Tasks.SPECIFIC) : List.copyOf(tasks);
        epochs = epochs == null ? 30 : epochs;
        batchSize = batchSize == null ? 64 : batchSize;
        learningRate = learningRate == null ? 1e-3 : learningRate;
        domainHidden = domainHidden == null ? List.of(64) : List.copyOf(domainHidden);
        maxLambda = maxLambda == null ? 1.0 : maxLambda;
        gamma = gamma == null ? 10.0 : gamma;
        if (tasks.isEmpty()) {
            throw new InvalidParamsException("tasks", "name at least one task, e.g. [specific]");
        }
    }
}
