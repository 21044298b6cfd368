package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

/** Where a trial is in its life. Finished states never change again. */
@Experimental
public enum TrialState {
    /** Queued with its params (trial 0, a re-queued stale trial, a confirmation run), not yet claimed. */
    WAITING,
    RUNNING,
    /** Stopped early by the pruner; its intermediate reports are kept, it has no final values. */
    PRUNED,
    COMPLETE,
    FAILED;

    public boolean finished() {
        return this == PRUNED || this == COMPLETE || this == FAILED;
    }

    /** The name used in files and messages: {@code complete}, {@code pruned}, ... */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
