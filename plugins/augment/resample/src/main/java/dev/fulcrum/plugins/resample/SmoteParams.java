package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Range;

public record SmoteParams(
        @Doc("the task whose classes are balanced; in phases that do not train it, smote does nothing") String task,
        @Doc("each smaller class is brought up to this share of the largest class's rows (1: fully balanced)") @Range("(0, 1]") Double ratio,
        @Doc("a synthetic row lies between a row and one of its k nearest neighbours of the same class") @AtLeast(1) Integer k) {

    public SmoteParams {
        task = task == null ? Tasks.SPECIFIC : task;
        ratio = ratio == null ? 1.0 : ratio;
        k = k == null ? 5 : k;
    }
}
