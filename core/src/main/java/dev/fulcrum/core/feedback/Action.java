package dev.fulcrum.core.feedback;

import java.util.List;
import java.util.Locale;

/** What one row of a corrections file asks for. */
public enum Action {
    /** Reviewed, no change: counted, nothing applied. */
    KEEP,
    /** The row's label for the task becomes the new label (and its weight the new weight, where one is given). */
    RELABEL,
    /** The row leaves the data. */
    EXCLUDE,
    /** The row's weight becomes the new weight. */
    REWEIGHT,
    /** A row of the pool joins the training split with the new label. */
    ADD,
    /**
     * A label without an action (a plain CSV, a Label Studio export): {@link #RELABEL} where the task's data has
     * the id, else {@link #ADD} from the pool. Resolved before anything is applied; never counted as itself.
     */
    LABEL;

    /** The actions counted in {@code summary.json} and the trail, in the order they are listed. */
    public static final List<Action> COUNTED = List.of(RELABEL, EXCLUDE, REWEIGHT, ADD, KEEP);

    /** The name in files, the trail and {@code summary.json}: {@code relabel}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action a review file names, or {@code null} for a name that is none ({@code label} is not one to write). */
    static Action named(String text) {
        for (Action action : values()) {
            if (action != LABEL && action.label().equals(text)) {
                return action;
            }
        }
        return null;
    }

    boolean needsLabel() {
        return this == RELABEL || this == ADD || this == LABEL;
    }
}
