package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.InvalidParamsException;

import java.util.Arrays;

/** The parity a threshold optimizer aims for (Hardt, Price and Srebro 2016; Fairlearn's ThresholdOptimizer constraints). */
enum Constraint {
    /** Equal selection rates {@code P(Ŷ=1 | A=a)}. */
    DEMOGRAPHIC_PARITY("demographic-parity"),
    /** Equal true positive rates {@code P(Ŷ=1 | Y=1, A=a)}. */
    EQUAL_OPPORTUNITY("equal-opportunity");

    private final String key;

    Constraint(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static Constraint parse(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst().orElseThrow(() -> new InvalidParamsException(
                "constraint", "expected demographic-parity or equal-opportunity, got \"" + key + "\""));
    }
}
