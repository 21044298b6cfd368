package dev.fulcrum.core.feedback;

import java.util.Objects;

/**
 * One reviewed row of a corrections file, as read, before it is checked against the data.
 *
 * @param line      the file line (CSV) or the line where the record starts (JSON), for messages and the trail
 * @param task      {@code specific} or {@code general}
 * @param label     the new class name, for {@link Action#RELABEL}, {@link Action#ADD} and {@link Action#LABEL}; else {@code null}
 * @param weight    the new weight, finite and at least 0, or {@code null} to keep the row's (for an added row: the pool's)
 * @param annotator who decided, or {@code null}
 * @param note      the annotator's note, or {@code null}
 * @param time      when it was decided, as the file says (Label Studio's {@code updated_at}), or {@code null}
 */
public record Correction(long line, String task, String id, Action action, String label, Float weight,
                         String annotator, String note, String time) {

    /** Whether two rows of one file ask for the same change, so that the second adds nothing. */
    boolean sameChange(Correction other) {
        return action == other.action && Objects.equals(label, other.label) && Objects.equals(weight, other.weight);
    }

    String describe() {
        return action.label() + (label == null ? "" : " to \"" + label + "\"") + (weight == null ? "" : " weight " + weight);
    }
}
