package dev.fulcrum.api;

/** Names of the per-task metrics the host computes for every split. */
@Stable
public final class MetricNames {

    public static final String ACCURACY = "accuracy";
    /** Unweighted mean of the per-class F1 scores, over the classes present in labels or predictions. */
    public static final String MACRO_F1 = "macro_f1";
    /** Mean cross-entropy of the predicted class probabilities. */
    public static final String LOSS = "loss";
    /** Number of labelled rows the metrics were computed on. */
    public static final String COUNT = "count";

    private MetricNames() {
    }
}
