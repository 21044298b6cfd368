package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

/** Which way an objective is better. */
@Experimental
public enum Direction {
    MAXIMIZE("max"),
    MINIMIZE("min");

    private final String word;

    Direction(String word) {
        this.word = word;
    }

    /** {@code max} or {@code min}, as written in YAML. */
    public String word() {
        return word;
    }

    /** Whether {@code candidate} is strictly better than {@code other} in this direction. */
    public boolean better(double candidate, double other) {
        return this == MAXIMIZE ? candidate > other : candidate < other;
    }

    /** The value turned into one to minimise: the same for {@code min}, negated for {@code max}. */
    public double toMinimised(double value) {
        return this == MAXIMIZE ? -value : value;
    }
}
