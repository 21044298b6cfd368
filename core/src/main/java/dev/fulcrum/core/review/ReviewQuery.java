package dev.fulcrum.core.review;

import dev.fulcrum.api.InvalidInputException;

import java.util.Arrays;

/** What {@code fulcrum review --query} chooses rows by. */
public enum ReviewQuery {
    /** Confident learning on out-of-fold probabilities: rows whose given label is likely wrong. */
    LABEL_ISSUES("label-issues"),
    /** The final model's least certain rows (margin or entropy), optionally one per k-means cluster. */
    UNCERTAIN("uncertain"),
    /** A seeded uniform sample: the baseline. */
    RANDOM("random");

    private final String label;

    ReviewQuery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ReviewQuery parse(String text) {
        return Arrays.stream(values()).filter(query -> query.label.equals(text)).findFirst().orElseThrow(() ->
                new InvalidInputException("--query: expected label-issues, uncertain or random, got \"" + text + "\""));
    }
}
