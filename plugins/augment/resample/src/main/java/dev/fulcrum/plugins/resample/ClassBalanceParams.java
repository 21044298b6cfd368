package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.params.Range;

public record ClassBalanceParams(
        @Doc("the task whose classes are balanced; in phases that do not train it, class-balance does nothing") String task,
        @Doc("each smaller class is brought up to this share of the largest class's rows (1: fully balanced)") @Range("(0, 1]") Double ratio) {

    public ClassBalanceParams {
        task = task == null ? Tasks.SPECIFIC : task;
        ratio = ratio == null ? 1.0 : ratio;
    }
}
