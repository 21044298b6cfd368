package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.Tasks;

public record SmoteParams(
        @Doc("the task whose classes are balanced; in phases that do not train it, smote does nothing") String task,
        @Doc("each smaller class is brought up to this share of the largest class's rows (1: fully balanced)") Double ratio,
        @Doc("a synthetic row lies between a row and one of its k nearest neighbours of the same class") Integer k) {

    public SmoteParams {
        task = task == null ? Tasks.SPECIFIC : task;
        ratio = ratio == null ? 1.0 : ratio;
        k = k == null ? 5 : k;
        Ratios.require(ratio);
        if (k < 1) {
            throw new InvalidParamsException("k", "must be at least 1, got " + k);
        }
    }
}
