package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.TrialState;

import java.time.Duration;
import java.util.Map;

/** What every study storage refuses before it touches its database: the caller's mistakes. */
final class StorageArguments {

    private StorageArguments() {
    }

    static void requireDefinition(String definition) {
        if (definition == null) {
            throw new IllegalArgumentException("a study needs a definition, got null");
        }
    }

    static void requireWorker(String worker) {
        if (worker == null) {
            throw new IllegalArgumentException("a claim needs a worker name, got null");
        }
    }

    static void requireStep(int trial, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("trial " + trial + ": steps count from 1, got " + step);
        }
    }

    static void requireSilence(Duration silence) {
        if (silence.isNegative()) {
            throw new IllegalArgumentException("a silence is at least zero, got " + silence);
        }
    }

    /** Refuses an end that is no end, values for a trial that did not complete, an error for one that did not fail. */
    static void requireEnd(int trial, TrialState state, Map<String, Double> values, String error) {
        if (!state.finished()) {
            throw new IllegalArgumentException("trial " + trial + ": a trial finishes pruned, complete or failed, not "
                    + state.word());
        }
        if (state != TrialState.COMPLETE && !values.isEmpty()) {
            throw new IllegalArgumentException("trial " + trial + ": only a complete trial has values, got " + values
                    + " for a " + state.word() + " one");
        }
        if (state != TrialState.FAILED && error != null) {
            throw new IllegalArgumentException("trial " + trial + ": only a failed trial has an error, got \"" + error
                    + "\" for a " + state.word() + " one");
        }
    }
}
